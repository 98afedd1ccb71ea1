import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quote, QuoteLine } from '../../shared/schema/entities.ts';
import { compareCookies, PROTOCOL_VERSION, SCHEMA_VERSION, type PatchOp } from '../../shared/sync/protocol.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { demoUserId } from '../demo/seed-demo.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { compareStored } from '../../shared/sync/stored-order.ts';
import { replay, syncClient, uid as testUid } from '../test/wire-client.ts';

const ADMIN = 'admin@demo.outpost.test';
const SALES = 'sales@demo.outpost.test';
const VIEWER = 'viewer@demo.outpost.test';
const CUSTOMER = 'customer@acme.outpost.test';

const uid = testUid;

type Put = Extract<PatchOp, { op: 'put' }>;

function puts(patch: PatchOp[], table: string): Put[] {
	return patch.filter((op): op is Put => op.op === 'put' && op.table === table);
}

describe.each(STORE_KINDS)('push and pull over HTTP on $name', (kind) => {
	let gw: Gateway;
	let admin: HttpClient;
	let sales: HttpClient;

	const spaceVersion = async () =>
		(await gw.store.db.selectFrom('orgs').select('version').where('id', '=', DEMO_ORG.id).executeTakeFirstOrThrow())
			.version;
	const entities = () =>
		gw.store.db
			.selectFrom('entities')
			.selectAll()
			.where('org_id', '=', DEMO_ORG.id)
			.orderBy('tbl')
			.orderBy('id')
			.execute();
	const entity = (tbl: string, id: string) =>
		gw.store.db
			.selectFrom('entities')
			.selectAll()
			.where('org_id', '=', DEMO_ORG.id)
			.where('tbl', '=', tbl)
			.where('id', '=', id)
			.executeTakeFirst();
	const lastMutationID = async (clientID: string) =>
		(await gw.store.db.selectFrom('clients').select('last_mutation_id').where('id', '=', clientID).executeTakeFirst())
			?.last_mutation_id;

	beforeAll(async () => {
		gw = await startGateway(kind);
		admin = await gw.login(ADMIN);
		sales = await gw.login(SALES);
	});
	afterAll(async () => {
		await gw?.close();
	});

	it('round trip: sales creates a quote with lines, admin pulls them with a gateway-assigned number', async () => {
		const s = syncClient(sales);
		const quoteId = uid('q');
		const lineIds = [uid('l'), uid('l')];
		const push = await s.push([
			s.m('createQuote', { id: quoteId, companyId: 'company-acme', title: 'Branch office network' }),
			s.m('addQuoteLine', {
				id: lineIds[0]!,
				quoteId,
				description: 'Switch, 24 ports',
				quantity: 2,
				unitPrice: 45_000
			}),
			s.m('addQuoteLine', { id: lineIds[1]!, quoteId, description: 'Installation', quantity: 4.5, unitPrice: 12_500 })
		]);
		expect(push.status).toBe(200);
		expect(push.body.results).toEqual([
			{ id: 1, status: 'applied' },
			{ id: 2, status: 'applied' },
			{ id: 3, status: 'applied' }
		]);

		const [page, ...rest] = await syncClient(admin).pullAll(null);
		expect(rest).toEqual([]);
		expect(page!.patch[0]).toEqual({ op: 'clear' });
		const quote = puts(page!.patch, 'quotes').find((p) => p.id === quoteId)?.value as Quote;
		expect(quote).toMatchObject({
			id: quoteId,
			companyId: 'company-acme',
			title: 'Branch office network',
			status: 'draft',
			ownerId: demoUserId(SALES)
		});
		expect(quote.number).toMatch(/^Q-000\d\d$/);
		const lines = puts(page!.patch, 'quoteLines').filter((p) => (p.value as QuoteLine).quoteId === quoteId);
		// A pull sends one version's rows in the stores' order of their ids.
		const expected = [
			{ id: lineIds[0]!, description: 'Switch, 24 ports', quantity: 2, unitPrice: 45_000, position: 'a0' },
			{ id: lineIds[1]!, description: 'Installation', quantity: 4.5, unitPrice: 12_500, position: 'a1' }
		].sort((a, b) => compareStored(a.id, b.id));
		expect(lines.map((l) => l.value)).toEqual(expected.map((line) => expect.objectContaining(line)));

		// The pusher learns its mutations were processed with its own pull.
		const own = await s.pullAll(null);
		expect(own.at(-1)!.lastMutationIDChanges).toEqual({ [s.clientID]: 3 });
		expect(puts(own[0]!.patch, 'quotes').find((p) => p.id === quoteId)?.value).toEqual(quote);
	});

	it('numbers quotes in sequence from the organisation’s counter, never twice', async () => {
		const nextNumber = async () =>
			(
				await gw.store.db
					.selectFrom('orgs')
					.select('next_quote_number')
					.where('id', '=', DEMO_ORG.id)
					.executeTakeFirstOrThrow()
			).next_quote_number;
		const first = await nextNumber();
		expect(first).toBeGreaterThan(6); // the demo's own quotes hold Q-00001 to Q-00006
		const s = syncClient(sales);
		const ids = [uid('q'), uid('q'), uid('q')];
		await s.push(ids.map((id) => s.m('createQuote', { id, companyId: 'company-globex', title: id })));
		const numbers = await Promise.all(
			ids.map(async (id) => (JSON.parse((await entity('quotes', id))!.value) as Quote).number)
		);
		expect(numbers).toEqual([first, first + 1, first + 2].map((n) => `Q-${String(n).padStart(5, '0')}`));
		expect(await nextNumber()).toBe(first + 3);
	});

	it('a duplicate push changes nothing: same space version, rows and lastMutationID', async () => {
		const s = syncClient(sales);
		const quoteId = uid('q');
		const batch = [
			s.m('createQuote', { id: quoteId, companyId: 'company-acme', title: 'Once' }),
			s.m('addQuoteLine', { id: uid('l'), quoteId, description: 'Only once', quantity: 1, unitPrice: 100 })
		];
		expect((await s.push(batch)).body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
		const before = { version: await spaceVersion(), rows: await entities(), lmid: await lastMutationID(s.clientID) };

		const again = await s.push(batch);
		expect(again.status).toBe(200);
		expect(again.body.results).toEqual([
			{ id: 1, status: 'duplicate' },
			{ id: 2, status: 'duplicate' }
		]);
		expect(await spaceVersion()).toBe(before.version);
		expect(await entities()).toEqual(before.rows);
		expect(await lastMutationID(s.clientID)).toBe(2);
		expect(before.lmid).toBe(2);
	});

	it('an out-of-order push gets 409 out_of_order and applies nothing past the gap', async () => {
		const s = syncClient(sales);
		const [q1, q2, q3, q4] = [uid('q'), uid('q'), uid('q'), uid('q')];
		const m = [q1!, q2!, q3!, q4!].map((id) => s.m('createQuote', { id, companyId: 'company-acme', title: id }));

		const versionBefore = await spaceVersion();
		const first = await s.push([m[1]!]);
		expect(first.status).toBe(409);
		expect(first.body.error.code).toBe('out_of_order');
		expect(first.body.error.message).toMatch(/resend from 1/);
		expect(await spaceVersion()).toBe(versionBefore);
		expect(await entity('quotes', q2!)).toBeUndefined();

		const second = await s.push([m[0]!, m[1]!, m[3]!, m[2]!]);
		expect(second.status).toBe(409);
		expect(second.body.error.code).toBe('out_of_order');
		expect(await lastMutationID(s.clientID)).toBe(2);
		expect(await entity('quotes', q1!)).toBeDefined();
		expect(await entity('quotes', q2!)).toBeDefined();
		expect(await entity('quotes', q3!)).toBeUndefined();
		expect(await entity('quotes', q4!)).toBeUndefined();

		// Resending from the first pending one works.
		const resend = await s.push([m[2]!, m[3]!]);
		expect(resend.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
	});

	it('a rejected mutation is rolled back, advances lastMutationID and comes back in the next pull', async () => {
		const s = syncClient(sales);
		const { cookie } = (await s.pullAll(null)).at(-1)!;
		const accepted = await entity('quotes', 'quote-globex-backup');
		const quoteId = uid('q');
		const lineOnAccepted = uid('l');
		const laterLine = uid('l');

		const push = await s.push([
			s.m('createQuote', { id: quoteId, companyId: 'company-acme', title: 'Fine' }),
			s.m('addQuoteLine', {
				id: lineOnAccepted,
				quoteId: 'quote-globex-backup',
				description: 'Too late',
				quantity: 1,
				unitPrice: 1
			}),
			s.m('addQuoteLine', { id: laterLine, quoteId, description: 'Fine too', quantity: 1, unitPrice: 1 })
		]);
		expect(push.status).toBe(200);
		expect(push.body.results).toEqual([
			{ id: 1, status: 'applied' },
			{
				id: 2,
				status: 'rejected',
				code: 'quote_read_only',
				message: 'This quote has been accepted and can no longer be changed.'
			},
			{ id: 3, status: 'applied' }
		]);
		expect(await entity('quoteLines', lineOnAccepted)).toBeUndefined();
		expect(await entity('quotes', 'quote-globex-backup')).toEqual(accepted);
		expect(await lastMutationID(s.clientID)).toBe(3);

		const [next] = await s.pullAll(cookie);
		expect(next!.lastMutationIDChanges).toEqual({ [s.clientID]: 3 });
		expect(next!.rejections).toEqual([
			{
				clientID: s.clientID,
				mutationID: 2,
				name: 'addQuoteLine',
				code: 'quote_read_only',
				message: 'This quote has been accepted and can no longer be changed.'
			}
		]);
		expect(next!.patch.map((op) => 'id' in op && op.id)).not.toContain(lineOnAccepted);
		// Once acknowledged, the rejection is not sent again.
		const [after] = await s.pullAll(next!.cookie);
		expect(after!.rejections).toEqual([]);
	});

	it('rolls back the writes a mutation made before it failed', async () => {
		const s = syncClient(sales);
		const quoteId = uid('q');
		await s.push([s.m('createQuote', { id: quoteId, companyId: 'company-acme', title: 'Will break' })]);
		// A stored quote that no longer fits the schema: addQuoteLine writes the line, then fails touching the quote.
		const stored = await entity('quotes', quoteId);
		const broken = { ...JSON.parse(stored!.value), validUntil: 'someday' };
		await gw.store.db
			.updateTable('entities')
			.set({ value: JSON.stringify(broken) })
			.where('org_id', '=', DEMO_ORG.id)
			.where('tbl', '=', 'quotes')
			.where('id', '=', quoteId)
			.execute();
		const lineId = uid('l');
		const versionBefore = await spaceVersion();

		const push = await s.push([
			s.m('addQuoteLine', { id: lineId, quoteId, description: 'Half done', quantity: 1, unitPrice: 1 })
		]);
		expect(push.body.results[0]).toMatchObject({ id: 2, status: 'rejected', code: 'invalid_row' });
		expect(await entity('quoteLines', lineId)).toBeUndefined();
		expect(await lastMutationID(s.clientID)).toBe(2);
		expect(await spaceVersion()).toBe(versionBefore + 1); // only the rejection's own transaction
	});

	it('in one batch, the mutations after a rejected one see the accepted writes before it and none of its own', async () => {
		const s = syncClient(sales);
		const good = uid('q');
		const broken = uid('q');
		await s.push([
			s.m('createQuote', { id: good, companyId: 'company-acme', title: 'Good' }),
			s.m('createQuote', { id: broken, companyId: 'company-acme', title: 'Will break' })
		]);
		const stored = await entity('quotes', broken);
		await gw.store.db
			.updateTable('entities')
			.set({ value: JSON.stringify({ ...JSON.parse(stored!.value), validUntil: 'someday' }) })
			.where('org_id', '=', DEMO_ORG.id)
			.where('tbl', '=', 'quotes')
			.where('id', '=', broken)
			.execute();
		const [first, half, second] = [uid('l'), uid('l'), uid('l')];
		const versionBefore = await spaceVersion();

		const push = await s.push([
			s.m('addQuoteLine', { id: first, quoteId: good, description: 'First', unitPrice: 1 }),
			// Writes its line, then fails touching the broken quote.
			s.m('addQuoteLine', { id: half, quoteId: broken, description: 'Half done', unitPrice: 1 }),
			s.m('updateQuoteLine', { id: half, quantity: 5 }),
			s.m('addQuoteLine', { id: second, quoteId: good, description: 'Second', unitPrice: 1 })
		]);

		expect(push.body.results.map((r) => [r.id, r.status, 'code' in r ? r.code : null])).toEqual([
			[3, 'applied', null],
			[4, 'rejected', 'invalid_row'],
			[5, 'rejected', 'quote_line_not_found'],
			[6, 'applied', null]
		]);
		expect(await entity('quoteLines', half)).toBeUndefined();
		const line = async (id: string) => JSON.parse((await entity('quoteLines', id))!.value) as QuoteLine;
		// The second line was appended after the first, which it could only do by seeing it.
		expect((await line(second)).position > (await line(first)).position).toBe(true);
		expect(await lastMutationID(s.clientID)).toBe(6);
		expect(await spaceVersion()).toBe(versionBefore + 1);
		const rejected = await gw.store.db
			.selectFrom('rejections')
			.select('mutation_id')
			.where('client_id', '=', s.clientID)
			.orderBy('mutation_id')
			.execute();
		expect(rejected.map((r) => r.mutation_id)).toEqual([4, 5]);
	});

	it('rejects an unknown mutation and bad arguments, and carries on with the next', async () => {
		const s = syncClient(sales);
		const push = await s.push([
			s.raw('dropAllTables', {}),
			s.raw('toString', {}),
			s.raw('addQuoteLine', {
				id: uid('l'),
				quoteId: 'quote-acme-firewall',
				description: 'x',
				quantity: -2,
				unitPrice: 1
			}),
			s.m('updateQuote', { id: 'quote-stark-security', notes: 'Checked' })
		]);
		expect(push.status).toBe(200);
		const [unknown, inherited, invalid, applied] = push.body.results;
		expect(unknown).toMatchObject({ id: 1, status: 'rejected', code: 'unknown_mutation' });
		expect((unknown as { message: string }).message).toMatch(/dropAllTables/);
		expect(inherited).toMatchObject({ id: 2, status: 'rejected', code: 'unknown_mutation' });
		expect(invalid).toMatchObject({ id: 3, status: 'rejected', code: 'invalid_input' });
		expect((invalid as { message: string }).message).toMatch(/^addQuoteLine: args\.quantity: /);
		expect(applied).toEqual({ id: 4, status: 'applied' });
		expect(await lastMutationID(s.clientID)).toBe(4);
	});

	it('rejects a change the user has no permission for with forbidden', async () => {
		for (const email of [VIEWER, CUSTOMER]) {
			const s = syncClient(await gw.login(email));
			const quoteId = uid('q');
			const push = await s.push([
				s.m('createQuote', { id: quoteId, companyId: 'company-acme', title: 'Not mine to make' }),
				s.m('updateQuote', { id: 'quote-acme-firewall', title: 'Renamed' })
			]);
			expect(push.status).toBe(200);
			expect(push.body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
				'forbidden',
				'forbidden'
			]);
			expect(await entity('quotes', quoteId)).toBeUndefined();
			expect(JSON.parse((await entity('quotes', 'quote-acme-firewall'))!.value).title).toBe('Firewall replacement');
		}
	});

	it('a customer contact pulls only their own company, its quotes and their lines', async () => {
		const s = syncClient(sales);
		const acmeQuote = uid('q');
		const globexQuote = uid('q');
		await s.push([
			s.m('createQuote', { id: acmeQuote, companyId: 'company-acme', title: 'For Acme' }),
			s.m('addQuoteLine', { id: uid('l'), quoteId: acmeQuote, description: 'a', quantity: 1, unitPrice: 1 }),
			s.m('createQuote', { id: globexQuote, companyId: 'company-globex', title: 'For Globex' }),
			s.m('addQuoteLine', { id: uid('l'), quoteId: globexQuote, description: 'g', quantity: 1, unitPrice: 1 }),
			s.m('updateQuote', { id: acmeQuote, status: 'sent' }),
			s.m('updateQuote', { id: globexQuote, status: 'sent' })
		]);

		const pages = await syncClient(await gw.login(CUSTOMER)).pullAll(null);
		const patch = pages.flatMap((p) => p.patch);
		expect(puts(patch, 'companies').map((p) => p.id)).toEqual(['company-acme']);
		const quotes = puts(patch, 'quotes').map((p) => p.value as Quote);
		expect(quotes.length).toBeGreaterThanOrEqual(2);
		expect(quotes.every((q) => q.companyId === 'company-acme')).toBe(true);
		expect(quotes.map((q) => q.id)).toEqual(expect.arrayContaining(['quote-acme-refresh', acmeQuote]));
		// Drafts stay in-house until they are sent.
		expect(quotes.map((q) => q.id)).not.toContain('quote-acme-firewall');
		const quoteIds = new Set(quotes.map((q) => q.id));
		const lines = puts(patch, 'quoteLines').map((p) => p.value as QuoteLine);
		expect(lines.every((l) => quoteIds.has(l.quoteId))).toBe(true);
		expect(lines.filter((l) => l.quoteId === 'quote-acme-refresh')).toHaveLength(3);
		expect(lines.some((l) => l.quoteId === acmeQuote)).toBe(true);
		expect(patch.some((op) => op.op !== 'clear' && op.table !== 'companies' && op.id.includes('globex'))).toBe(false);
		expect(patch.filter((op) => op.op === 'put' && op.id === globexQuote)).toEqual([]);
	});

	it('a customer contact loses a quote, and its lines, when it moves to another company', async () => {
		const s = syncClient(sales);
		const quoteId = uid('q');
		const lineId = uid('l');
		await s.push([
			s.m('createQuote', { id: quoteId, companyId: 'company-acme', title: 'Wrong customer' }),
			s.m('addQuoteLine', { id: lineId, quoteId, description: 'x', quantity: 1, unitPrice: 1 }),
			s.m('updateQuote', { id: quoteId, status: 'sent' })
		]);
		const customer = syncClient(await gw.login(CUSTOMER));
		const before = await customer.pullAll(null);
		const seen = replay(before);
		expect(seen.has(`quotes/${quoteId}`)).toBe(true);
		expect(seen.has(`quoteLines/${lineId}`)).toBe(true);

		// A sent quote is read-only: it moves by going back to draft, then is sent to its new company.
		await s.push([
			s.m('updateQuote', { id: quoteId, status: 'retracted' }),
			s.m('updateQuote', { id: quoteId, status: 'draft', companyId: 'company-globex' }),
			s.m('updateQuote', { id: quoteId, status: 'sent' })
		]);
		const after = replay(await customer.pullAll(before.at(-1)!.cookie), seen);
		expect(after.has(`quotes/${quoteId}`)).toBe(false);
		expect(after.has(`quoteLines/${lineId}`)).toBe(false);
		expect(after.has('quotes/quote-acme-refresh')).toBe(true);
		expect(after).toEqual(replay(await syncClient(await gw.login(CUSTOMER)).pullAll(null)));
	});

	it('a pull with an unchanged cookie returns the same cookie and an empty patch', async () => {
		const s = syncClient(sales);
		const { cookie } = (await s.pullAll(null)).at(-1)!;
		const again = await s.pull(cookie);
		expect(again.status).toBe(200);
		expect(again.body).toEqual({ cookie, lastMutationIDChanges: {}, rejections: [], more: false, patch: [] });
	});

	it('a delta pull returns only what changed since the cookie', async () => {
		const reader = syncClient(admin);
		const { cookie } = (await reader.pullAll(null)).at(-1)!;
		const s = syncClient(sales);
		await s.push([s.m('updateQuote', { id: 'quote-stark-security', title: 'Managed security bundle v2' })]);
		const [delta, ...rest] = await reader.pullAll(cookie);
		expect(rest).toEqual([]);
		// The reader is an admin: the change's activity entry comes with it.
		expect(delta!.patch).toEqual([
			{
				op: 'put',
				table: 'activity',
				id: expect.any(String),
				value: expect.objectContaining({ action: 'updateQuote', entityId: 'quote-stark-security' })
			},
			{
				op: 'put',
				table: 'quotes',
				id: 'quote-stark-security',
				value: expect.objectContaining({ title: 'Managed security bundle v2' })
			}
		]);
		expect(compareCookies(delta!.cookie, cookie)).toBeGreaterThan(0);
		expect(delta!.lastMutationIDChanges).toEqual({});
	});

	it('refuses a client group or client of another user with 403 client_not_owned, writing and reading nothing', async () => {
		const mine = syncClient(sales);
		await mine.push([mine.m('updateQuote', { id: 'quote-stark-security', notes: 'mine' })]);
		const versionBefore = await spaceVersion();
		const refused = { code: 'client_not_owned', message: 'This sync client belongs to another user.' };

		const theirs = syncClient(admin, mine.clientGroupID, uid('c'));
		const borrowed = syncClient(admin, uid('cg'), mine.clientID);
		for (const intruder of [theirs, borrowed]) {
			const push = await intruder.push([intruder.m('updateQuote', { id: 'quote-stark-security', notes: 'theirs' })]);
			expect(push.status).toBe(403);
			expect(push.body).toEqual({ error: refused });
		}
		const pull = await theirs.pull(null);
		expect(pull.status).toBe(403);
		expect(pull.body).toEqual({ error: refused });

		expect(JSON.parse((await entity('quotes', 'quote-stark-security'))!.value).notes).toBe('mine');
		expect(await lastMutationID(mine.clientID)).toBe(1);
		expect(await spaceVersion()).toBe(versionBefore);
		const group = await gw.store.db
			.selectFrom('client_groups')
			.select('user_id')
			.where('id', '=', mine.clientGroupID)
			.executeTakeFirst();
		expect(group?.user_id).toBe(demoUserId(SALES));
	});

	it('applies each mutation once when the same batch is pushed concurrently', async () => {
		const s = syncClient(sales);
		const ids = [uid('q'), uid('q'), uid('q'), uid('q')];
		const batch = ids.map((id) => s.m('createQuote', { id, companyId: 'company-hooli', title: id }));
		const versionBefore = await spaceVersion();
		const responses = await Promise.all([s.push(batch), s.push(batch), s.push(batch)]);
		for (const res of responses) expect(res.status, JSON.stringify(res.body)).toBe(200);
		for (const mutation of batch) {
			const statuses = responses.map((r) => r.body.results.find((x) => x.id === mutation.id)?.status);
			expect(
				statuses.filter((x) => x === 'applied'),
				`mutation ${mutation.id}: ${statuses}`
			).toHaveLength(1);
			expect(statuses.filter((x) => x === 'duplicate')).toHaveLength(2);
		}
		expect(await lastMutationID(s.clientID)).toBe(4);
		// One push applied the batch in one transaction; the others found only duplicates and changed nothing.
		expect(await spaceVersion()).toBe(versionBefore + 1);
		const numbers = await Promise.all(
			ids.map(async (id) => (JSON.parse((await entity('quotes', id))!.value) as Quote).number)
		);
		expect(new Set(numbers).size).toBe(4);
	});

	it('resets the client with a clear when the user’s ACL version changes', async () => {
		const s = syncClient(sales);
		const full = await s.pullAll(null);
		const { cookie } = full.at(-1)!;
		await gw.store.db
			.updateTable('users')
			.set((eb) => ({ acl_version: eb('acl_version', '+', 1) }))
			.where('id', '=', demoUserId(SALES))
			.execute();
		const reset = await s.pullAll(cookie);
		expect(reset[0]!.patch[0]).toEqual({ op: 'clear' });
		expect(reset.at(-1)!.cookie.acl).toBe(cookie.acl + 1);
		expect(replay(reset)).toEqual(replay(full));
		const settled = await s.pull(reset.at(-1)!.cookie);
		expect(settled.body.patch).toEqual([]);
	});

	it('starts over with a clear when the cookie is ahead of the store (a restored backup)', async () => {
		const s = syncClient(sales);
		const full = await s.pullAll(null);
		const { cookie } = full.at(-1)!;
		const ahead = await s.pullAll({ ...cookie, v: cookie.v + 1_000 });
		expect(ahead[0]!.patch[0]).toEqual({ op: 'clear' });
		expect(ahead.at(-1)!.cookie.v).toBeLessThanOrEqual(cookie.v + 1);
		expect(replay(ahead)).toEqual(replay(full));
	});

	it('sends a deleted line as a del tombstone, and never as a put again', async () => {
		const s = syncClient(sales);
		const lineId = uid('l');
		await s.push([
			s.m('addQuoteLine', {
				id: lineId,
				quoteId: 'quote-acme-firewall',
				description: 'Temporary',
				quantity: 1,
				unitPrice: 1
			})
		]);
		const reader = syncClient(admin);
		const { cookie } = (await reader.pullAll(null)).at(-1)!;
		await s.push([s.m('removeQuoteLine', { id: lineId })]);

		const [delta] = await reader.pullAll(cookie);
		expect(delta!.patch).toContainEqual({ op: 'del', table: 'quoteLines', id: lineId });
		expect(delta!.patch.filter((op) => op.op === 'put' && op.id === lineId)).toEqual([]);
		const fresh = replay(await syncClient(admin).pullAll(null));
		expect(fresh.has(`quoteLines/${lineId}`)).toBe(false);

		// Removing it again is a no-op that still acknowledges the mutation.
		const again = await s.push([s.m('removeQuoteLine', { id: lineId })]);
		expect(again.body.results).toEqual([{ id: 3, status: 'applied' }]);
	});

	it('tells an out-of-date client to reload with 409 version_not_supported', async () => {
		const s = syncClient(sales);
		const quoteId = uid('q');
		const mutation = s.m('createQuote', { id: quoteId, companyId: 'company-acme', title: 'From the past' });
		for (const versions of [
			{ protocolVersion: PROTOCOL_VERSION - 1 },
			{ protocolVersion: PROTOCOL_VERSION + 1 },
			{ schemaVersion: SCHEMA_VERSION + 1 }
		]) {
			const push = await s.push([mutation], versions);
			const pull = await s.pull(null, versions);
			for (const res of [push, pull]) {
				expect(res.status).toBe(409);
				expect(res.body.error).toEqual({
					code: 'version_not_supported',
					message: 'This version of Outpost is out of date. Please reload to update.'
				});
			}
		}
		expect(await entity('quotes', quoteId)).toBeUndefined();
		const current = await s.push([mutation], {
			protocolVersion: PROTOCOL_VERSION,
			schemaVersion: SCHEMA_VERSION,
			pushVersion: 1
		});
		expect(current.body.results).toEqual([{ id: 1, status: 'applied' }]);
	});

	it('refuses a malformed push or pull with 400 naming the field', async () => {
		const push = await sales.post('/api/sync/push', { clientGroupID: 'g', clientID: 'c', mutations: 'none' });
		expect(push.status).toBe(400);
		expect(push.body.error.message).toMatch(/^mutations: /);
		const pull = await sales.post('/api/sync/pull', { clientGroupID: 'g', clientID: 'c', cookie: { v: -1, acl: 1 } });
		expect(pull.status).toBe(400);
		expect(pull.body.error.message).toMatch(/^cookie\.v: /);
		const anonymous = await gw.client().post('/api/sync/pull', { clientGroupID: 'g', clientID: 'c', cookie: null });
		expect(anonymous.status).toBe(401);
	});

	it('pokes the organisation’s event streams after a push that changed something', async () => {
		const controller = new AbortController();
		const res = await fetch(`${gw.baseUrl}/api/sync/events`, {
			headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
			signal: controller.signal
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
		const reader = res.body!.getReader();
		const decoder = new TextDecoder();
		let seen = '';
		const readUntil = async (text: string) => {
			while (!seen.includes(text)) {
				const { value, done } = await reader.read();
				if (done) throw new Error(`stream ended before ${text}: ${seen}`);
				seen += decoder.decode(value);
			}
		};
		try {
			await readUntil('event: hello');
			expect(seen).not.toContain('event: poke');
			const s = syncClient(sales);
			await s.push([s.m('updateQuote', { id: 'quote-stark-security', notes: 'poke' })]);
			await readUntil('event: poke');
		} finally {
			controller.abort();
		}
	});
});
