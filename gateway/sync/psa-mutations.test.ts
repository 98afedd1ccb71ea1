// The PSA mutations over HTTP on a real gateway: Send to PSA and Retry become queued jobs in the push
// transaction, Dismiss deletes, and sync issues, integrations and credentials stay with admins.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { DEMO_ORG, DEMO_USERS } from '../demo/demo-data.ts';
import { createCredentialVault } from '../jobs/credential-vault.ts';
import { readEntity } from '../store/entity-reader.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { openIssue, putIntegration } from '../test/psa-rows.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { replay, syncClient, uid } from '../test/wire-client.ts';

const ADMIN = 'admin@demo.outpost.test';
const SALES = 'sales@demo.outpost.test';
const BLOCKED = ['unlinked@demo.outpost.test', 'unverified@demo.outpost.test'];

describe.each(STORE_KINDS)('PSA mutations over HTTP on $name', (kind) => {
	let gw: Gateway;
	let admin: ReturnType<typeof syncClient>;
	let sales: ReturnType<typeof syncClient>;

	const jobsOf = (entityId: string) =>
		gw.store.db
			.selectFrom('jobs')
			.select(['provider', 'kind', 'entity_id', 'status'])
			.where('org_id', '=', DEMO_ORG.id)
			.where('entity_id', '=', entityId)
			.execute();
	const issue = (id: string) => readEntity(gw.store.db, DEMO_ORG.id, 'issues', id);

	async function newQuote(): Promise<string> {
		const id = uid('q');
		const res = await sales.push([sales.m('createQuote', { id, companyId: 'company-acme', title: 'To PSA' })]);
		expect(res.body.results[0]).toMatchObject({ status: 'applied' });
		return id;
	}

	beforeAll(async () => {
		gw = await startGateway(kind);
		admin = syncClient(await gw.login(ADMIN));
		sales = syncClient(await gw.login(SALES));
	});
	afterAll(async () => {
		await gw?.close();
	});

	it('Send to PSA queues exactly one job; a second push while it is queued is Already synchronizing', async () => {
		await putIntegration(gw, 'autotask', { configured: true });
		const quoteId = await newQuote();

		const first = await sales.push([sales.m('syncQuoteToPsa', { quoteId })]);
		const second = await sales.push([sales.m('syncQuoteToPsa', { quoteId })]);

		expect(first.body.results[0]).toMatchObject({ status: 'applied' });
		expect(second.body.results[0]).toMatchObject({
			status: 'rejected',
			code: ERRORS.alreadySynchronizing.code,
			message: 'Already synchronizing'
		});
		expect(await jobsOf(quoteId)).toEqual([
			{ provider: 'autotask', kind: 'syncQuote', entity_id: quoteId, status: 'queued' }
		]);
		// The rep's other devices see it queued; the second push changed nothing.
		const pulled = replay(await sales.pullAll(null));
		expect(pulled.get(`quoteSyncs/${quoteId}`)).toMatchObject({ state: 'queued', startedAt: null });
	});

	it('turning the charge import or the poll on queues it at once; turning it off queues nothing', async () => {
		await putIntegration(gw, 'halopsa', { configured: true });
		const settings = { importTicketCharges: true, pollOpportunities: false };
		const res = await admin.push([admin.m('saveIntegrationSettings', { provider: 'halopsa', settings })]);
		expect(res.body.results[0]).toMatchObject({ status: 'applied' });
		const off = { importTicketCharges: false };
		await admin.push([admin.m('saveIntegrationSettings', { provider: 'halopsa', settings: off })]);
		expect(await jobsOf('halopsa')).toEqual([
			{ provider: 'halopsa', kind: 'importTicketCharges', entity_id: 'halopsa', status: 'queued' }
		]);
		await putIntegration(gw, 'halopsa', { configured: false });
	});

	it('Send to PSA with no configured PSA is refused with what to do, and queues nothing', async () => {
		await putIntegration(gw, 'autotask', { configured: false });
		try {
			const quoteId = await newQuote();
			const res = await sales.push([sales.m('syncQuoteToPsa', { quoteId })]);

			expect(res.body.results[0]).toMatchObject({
				status: 'rejected',
				code: ERRORS.integrationNotConfigured.code,
				message: ERRORS.integrationNotConfigured.message
			});
			expect(await jobsOf(quoteId)).toEqual([]);
		} finally {
			await putIntegration(gw, 'autotask', { configured: true });
		}
	});

	it('Retry marks the issue retrying and queues its job again', async () => {
		const open = await openIssue(gw);

		const res = await admin.push([admin.m('retryIssue', { id: open.id })]);

		expect(res.body.results[0]).toMatchObject({ status: 'applied' });
		expect(await issue(open.id)).toEqual({ ...open, state: 'retrying' });
		expect(await jobsOf(open.entityId)).toEqual([
			{ provider: 'autotask', kind: 'syncQuote', entity_id: open.entityId, status: 'queued' }
		]);
	});

	it('Retry of a quote’s issue filed against its contact runs the quote’s sync again', async () => {
		const quoteId = uid('quote');
		const open = await openIssue(gw, {
			entityId: uid('contact'),
			entityTable: 'contacts',
			id: `autotask:syncQuote:${quoteId}`,
			quoteId
		});

		const res = await admin.push([admin.m('retryIssue', { id: open.id })]);

		expect(res.body.results[0]).toMatchObject({ status: 'applied' });
		expect(await jobsOf(quoteId)).toEqual([
			{ provider: 'autotask', kind: 'syncQuote', entity_id: quoteId, status: 'queued' }
		]);
		expect(await jobsOf(open.entityId)).toEqual([]);
	});

	it('Retry all of a root cause touches only the issues it groups', async () => {
		const cause = uid('categoryBillingCode:cat');
		const grouped = [await openIssue(gw, { rootCause: cause }), await openIssue(gw, { rootCause: cause })];
		const other = await openIssue(gw, { rootCause: uid('categoryBillingCode:cat') });

		const res = await admin.push([admin.m('retryAllIssues', { rootCause: cause })]);

		expect(res.body.results[0]).toMatchObject({ status: 'applied' });
		for (const retried of grouped) {
			expect((await issue(retried.id))?.state).toBe('retrying');
			expect(await jobsOf(retried.entityId)).toHaveLength(1);
		}
		expect(await issue(other.id)).toEqual(other);
		expect(await jobsOf(other.entityId)).toEqual([]);
	});

	it('Dismiss deletes the issue, and the next pull drops it', async () => {
		const open = await openIssue(gw);
		const before = await admin.pullAll(null);
		expect(replay(before).has(`issues/${open.id}`)).toBe(true);

		const res = await admin.push([admin.m('dismissIssue', { id: open.id })]);

		expect(res.body.results[0]).toMatchObject({ status: 'applied' });
		expect(await issue(open.id)).toBeUndefined();
		const after = replay(await admin.pullAll(before.at(-1)!.cookie), replay(before));
		expect(after.has(`issues/${open.id}`)).toBe(false);
	});

	it('quote editors pull the issues of quotes and not the rest; only admins pull integrations; no one credentials', async () => {
		await putIntegration(gw, 'autotask', { configured: true });
		const ofQuote = await openIssue(gw);
		const integrationWide = await openIssue(gw, {
			operation: 'synchronize',
			entityTable: 'integrations',
			entityId: uid('autotask'),
			quoteId: null
		});
		const secret = `secret-${crypto.randomUUID()}`;
		const vault = await createCredentialVault(gw.store, crypto.getRandomValues(new Uint8Array(32)));
		await vault.save(DEMO_ORG.id, 'autotask', { userName: 'api@msp.example', secret }, Date.now());
		const sealed = await gw.store.db
			.selectFrom('integration_credentials')
			.select('ciphertext')
			.where('org_id', '=', DEMO_ORG.id)
			.executeTakeFirstOrThrow();

		for (const user of DEMO_USERS.filter((u) => !BLOCKED.includes(u.email))) {
			const pages = await syncClient(await gw.login(user.email)).pullAll(null);
			const tables = new Set([...replay(pages).keys()].map((key) => key.split('/')[0]));
			const wire = JSON.stringify(pages);
			const editsQuotes = user.kind === 'msp' && user.permissions.includes('quoteEditor');
			const pulled = replay(pages);
			expect(pulled.has(`issues/${ofQuote.id}`), user.email).toBe(user.email === ADMIN || editsQuotes);
			expect(pulled.has(`issues/${integrationWide.id}`), user.email).toBe(user.email === ADMIN);
			expect(tables.has('integrations'), user.email).toBe(user.email === ADMIN);
			expect(tables.has('integration_credentials'), user.email).toBe(false);
			expect(wire.includes(secret) || wire.includes(sealed.ciphertext), user.email).toBe(false);
		}
	});
});
