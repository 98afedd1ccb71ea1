import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../../../shared/auth/permissions.ts';
import { buildCompany, buildQuote, TEST_NOW, buildPrincipal } from '../../../shared/test/builders.ts';
import type { PullResponse } from '../../../shared/sync/protocol.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { applyPull } from './apply-pull.ts';
import { readMeta } from './local-meta.ts';
import { runLocalMutation } from './local-mutation.ts';

const CLIENT = 'client-1';
const sales = buildPrincipal();
const acme = buildCompany({ id: 'company-acme' });

function response(overrides: Partial<PullResponse>): PullResponse {
	return { cookie: { v: 1, acl: 1 }, lastMutationIDChanges: {}, rejections: [], more: false, patch: [], ...overrides };
}

describe('applyPull', () => {
	let db: LocalDb;
	/** Applies `r` as the answer to a pull made from the cookie the client holds. */
	const pull = async (r: PullResponse) =>
		applyPull(db, CLIENT, await readMeta(db, 'cookie', null), r, { actor: sales, now: TEST_NOW });

	beforeEach(async () => {
		db = openTestDb();
		await pull(
			response({
				cookie: { v: 1, acl: 1 },
				patch: [{ op: 'clear' }, { op: 'put', table: 'companies', id: acme.id, value: acme }]
			})
		);
	});
	afterEach(() => destroyTestDb(db));

	it('a local mutation shows at once and waits in the outbox, holding the confirmed value', async () => {
		await runLocalMutation(db, sales, 'createQuote', { id: 'q1', companyId: acme.id, title: 'Draft' }, TEST_NOW);
		expect(await db.quotes.get('q1')).toMatchObject({ title: 'Draft', number: null });
		expect(await db.outbox.toArray()).toEqual([
			{
				id: 1,
				name: 'createQuote',
				args: { id: 'q1', companyId: acme.id, title: 'Draft' },
				timestamp: TEST_NOW,
				before: [{ table: 'quotes', id: 'q1', value: null }]
			}
		]);
	});

	it('an acknowledged mutation leaves the outbox and the server row replaces the optimistic one', async () => {
		await runLocalMutation(db, sales, 'createQuote', { id: 'q1', companyId: acme.id, title: 'Draft' }, TEST_NOW);
		const server = buildQuote({ id: 'q1', companyId: acme.id, title: 'Draft', number: 'Q-00042' });
		await pull(
			response({
				cookie: { v: 2, acl: 1 },
				lastMutationIDChanges: { [CLIENT]: 1 },
				patch: [{ op: 'put', table: 'quotes', id: 'q1', value: server }]
			})
		);
		expect(await db.quotes.get('q1')).toEqual(server);
		expect(await db.outbox.count()).toBe(0);
		expect(await readMeta(db, 'lastMutationID', 0)).toBe(1);
		expect(await readMeta(db, 'cookie', null)).toEqual({ v: 2, acl: 1 });
	});

	it('with nothing pending, a pull still records how far the gateway confirmed and applies its rows', async () => {
		const server = buildQuote({ id: 'q1', companyId: acme.id, title: 'From elsewhere' });
		await pull(
			response({
				cookie: { v: 2, acl: 1 },
				lastMutationIDChanges: { [CLIENT]: 3 },
				patch: [{ op: 'put', table: 'quotes', id: 'q1', value: server }]
			})
		);
		expect({
			quote: await db.quotes.get('q1'),
			lastMutationID: await readMeta(db, 'lastMutationID', 0),
			cookie: await readMeta(db, 'cookie', null)
		}).toEqual({ quote: server, lastMutationID: 3, cookie: { v: 2, acl: 1 } });
	});

	it('pending mutations are replayed on top of the server state, so both changes show', async () => {
		const server = buildQuote({ id: 'q1', companyId: acme.id, title: 'Original', notes: '' });
		await pull(
			response({ cookie: { v: 2, acl: 1 }, patch: [{ op: 'put', table: 'quotes', id: 'q1', value: server }] })
		);
		await runLocalMutation(db, sales, 'updateQuote', { id: 'q1', notes: 'Local note' }, TEST_NOW + 5);
		// Someone else renamed the quote; our note is not acknowledged yet.
		await pull(
			response({
				cookie: { v: 3, acl: 1 },
				patch: [{ op: 'put', table: 'quotes', id: 'q1', value: { ...server, title: 'Renamed' } }]
			})
		);
		expect(await db.quotes.get('q1')).toMatchObject({ title: 'Renamed', notes: 'Local note' });
		// The confirmed value is the new server row, not the one from before.
		expect((await db.outbox.toArray()).map((e) => e.before)).toEqual([
			[{ table: 'quotes', id: 'q1', value: { ...server, title: 'Renamed' } }]
		]);
	});

	it('a later mutation refused after an earlier one was confirmed falls back to the row the pull brought', async () => {
		const server = buildQuote({ id: 'q1', companyId: acme.id, title: 'Original', notes: '' });
		await pull(
			response({ cookie: { v: 2, acl: 1 }, patch: [{ op: 'put', table: 'quotes', id: 'q1', value: server }] })
		);
		await runLocalMutation(db, sales, 'updateQuote', { id: 'q1', notes: 'First' }, TEST_NOW + 5);
		await runLocalMutation(db, sales, 'updateQuote', { id: 'q1', notes: 'Second' }, TEST_NOW + 6);
		const confirmed = { ...server, title: 'Renamed', notes: 'First', updatedAt: TEST_NOW + 5 };
		await pull(
			response({
				cookie: { v: 3, acl: 1 },
				lastMutationIDChanges: { [CLIENT]: 1 },
				patch: [{ op: 'put', table: 'quotes', id: 'q1', value: confirmed }]
			})
		);
		expect(await db.quotes.get('q1')).toMatchObject({ title: 'Renamed', notes: 'Second' });
		await pull(
			response({
				cookie: { v: 4, acl: 1 },
				lastMutationIDChanges: { [CLIENT]: 2 },
				rejections: [{ clientID: CLIENT, mutationID: 2, name: 'updateQuote', code: 'forbidden', message: 'No.' }]
			})
		);
		expect(await db.quotes.get('q1')).toEqual(confirmed);
		expect(await db.outbox.count()).toBe(0);
	});

	it('a rejected mutation falls back to the confirmed state and its reason is kept to show', async () => {
		await runLocalMutation(db, sales, 'createQuote', { id: 'q1', companyId: acme.id, title: 'Doomed' }, TEST_NOW);
		await pull(
			response({
				cookie: { v: 2, acl: 1 },
				lastMutationIDChanges: { [CLIENT]: 1 },
				rejections: [{ clientID: CLIENT, mutationID: 1, name: 'createQuote', code: 'forbidden', message: 'No.' }]
			})
		);
		expect(await db.quotes.get('q1')).toBeUndefined();
		expect(await db.outbox.count()).toBe(0);
		expect(await db.rejections.toArray()).toEqual([
			{
				clientID: CLIENT,
				mutationID: 1,
				name: 'createQuote',
				code: 'forbidden',
				message: 'No.',
				receivedAt: TEST_NOW,
				dismissed: 0
			}
		]);
	});

	it('a clear resets the tables but keeps pending work, replayed on the new state', async () => {
		await runLocalMutation(db, sales, 'createQuote', { id: 'q1', companyId: acme.id, title: 'Kept' }, TEST_NOW);
		await pull(
			response({
				cookie: { v: 9, acl: 2 },
				patch: [{ op: 'clear' }, { op: 'put', table: 'companies', id: acme.id, value: acme }]
			})
		);
		expect(await db.quotes.get('q1')).toMatchObject({ title: 'Kept' });
		expect(await db.outbox.count()).toBe(1);
	});

	it('deletes from the server remove rows; unknown tables and invalid rows are skipped', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const server = buildQuote({ id: 'q1', companyId: acme.id });
		await pull(
			response({ cookie: { v: 2, acl: 1 }, patch: [{ op: 'put', table: 'quotes', id: 'q1', value: server }] })
		);
		await pull(
			response({
				cookie: { v: 3, acl: 1 },
				patch: [
					{ op: 'del', table: 'quotes', id: 'q1' },
					{ op: 'put', table: 'futureThings', id: 'x', value: {} },
					{ op: 'put', table: 'quotes', id: 'bad', value: { id: 'bad' } }
				]
			})
		);
		expect(await db.quotes.count()).toBe(0);
		expect(warn).toHaveBeenCalledTimes(1);
		warn.mockRestore();
		expect(await readMeta(db, 'cookie', null)).toEqual({ v: 3, acl: 1 });
	});

	it('refuses a response to a pull made from another cookie, or one older than what it has', async () => {
		const moved = await applyPull(db, CLIENT, { v: 0, acl: 1 }, response({ cookie: { v: 5, acl: 1 } }), {
			actor: sales,
			now: TEST_NOW
		});
		expect(moved).toEqual({ applied: false, reason: 'cookie-moved' });
		const behind = await applyPull(db, CLIENT, { v: 1, acl: 1 }, response({ cookie: { v: 0, acl: 1 } }), {
			actor: sales,
			now: TEST_NOW
		});
		expect(behind).toEqual({ applied: false, reason: 'cookie-behind' });
		expect(await readMeta(db, 'cookie', null)).toEqual({ v: 1, acl: 1 });
	});

	it('a local write that breaks a business rule is refused and queues nothing', async () => {
		await expect(
			runLocalMutation(db, sales, 'createQuote', { id: 'q1', companyId: 'company-nope', title: 'x' }, TEST_NOW)
		).rejects.toThrow('The company does not exist.');
		expect(await db.outbox.count()).toBe(0);
		expect(await db.quotes.count()).toBe(0);
	});

	it('a user without the permission cannot write locally either', async () => {
		const viewer: Principal = { ...sales, permissions: ['productViewer'] };
		await expect(
			runLocalMutation(db, viewer, 'createQuote', { id: 'q1', companyId: acme.id, title: 'x' }, TEST_NOW)
		).rejects.toThrow(/permission/);
		expect(await db.outbox.count()).toBe(0);
	});
});

describe('rejection notices', () => {
	it('a refusal the person dismissed stays dismissed when a later pull repeats it', async () => {
		const db = openTestDb();
		const actor: Principal = {
			userId: 'u',
			orgId: 'o',
			isAdmin: false,
			permissions: [],
			companyId: 'c',
			companyVerified: true,
			kind: 'msp'
		};
		const rejection = { clientID: CLIENT, mutationID: 1, name: 'createQuote', code: 'forbidden', message: 'No.' };
		await applyPull(db, CLIENT, null, response({ cookie: { v: 1, acl: 1 }, rejections: [rejection] }), {
			actor,
			now: TEST_NOW
		});
		await db.rejections.update([CLIENT, 1], { dismissed: 1 });
		await applyPull(
			db,
			CLIENT,
			{ v: 1, acl: 1 },
			response({ cookie: { v: 1, acl: 2 }, patch: [{ op: 'clear' }], rejections: [rejection] }),
			{ actor, now: TEST_NOW + 1 }
		);
		expect(await db.rejections.toArray()).toEqual([{ ...rejection, receivedAt: TEST_NOW, dismissed: 1 }]);
		await destroyTestDb(db);
	});
});
