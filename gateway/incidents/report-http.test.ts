// Report an incident over HTTP on each store: recorded as an incident, mailed to the support address
// through the mail outbox with the diagnostic bundle, and never with a secret.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDiagnosticBundle, type DiagnosticBundle } from '../../shared/incidents/diagnostic-bundle.ts';
import { ORG_PROFILE_ID } from '../../shared/schema/org-profile-entities.ts';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';
import { readEntity } from '../store/entity-reader.ts';
import { patchEntity } from '../test/edit-entity.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { replay, syncClient } from '../test/wire-client.ts';

const ORG = 'org-demo';
const SUPPORT = 'support@outpost.example';

const diagnostics = (): DiagnosticBundle =>
	buildDiagnosticBundle({
		appVersion: '1733500000000',
		protocolVersion: 1,
		schemaVersion: 6,
		userAgent: 'Mozilla/5.0 (iPhone) Safari/605',
		pathname: '/quotes/q-77',
		online: true,
		status: { connection: 'error', pending: 3, lastSyncedAt: 1_733_500_000_000 },
		rejections: [{ name: 'updateQuote', code: 'quote_read_only', receivedAt: 1_733_500_000_500 }],
		issues: [{ id: 'autotask:syncQuote:q-77', lastSeenAt: 5 }],
		incidents: []
	});

const report = (overrides: Record<string, unknown> = {}) => ({
	system: 'autotask',
	summary: 'Quotes will not send to Autotask',
	details: 'Since this morning every Send to PSA fails.',
	diagnostics: diagnostics(),
	...overrides
});

describe.each(STORE_KINDS)('Report an incident over HTTP on $name', (kind) => {
	let gw: Gateway;
	let sales: HttpClient;
	let admin: HttpClient;
	const mail = () => gw.store.db.selectFrom('sent_mail').selectAll().where('to_address', '=', SUPPORT).execute();

	beforeAll(async () => {
		gw = await startGateway(kind);
		sales = await gw.login('sales@demo.outpost.test');
		admin = await gw.login('admin@demo.outpost.test');
	});
	afterAll(async () => {
		await gw?.close();
	});

	it('records a report but mails nothing while no support address is set', async () => {
		await patchEntity(gw.store, 'orgProfile', 'profile', { supportEmail: '' });
		const res = await sales.post('/api/incidents/report', report());
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.mailedTo).toBeNull();
		expect(await mail()).toEqual([]);
		expect(await readEntity(gw.store.db, ORG, 'incidents', res.body.incidentId)).toMatchObject({
			system: 'autotask',
			source: 'report',
			kind: 'reported',
			title: 'Quotes will not send to Autotask',
			cause: 'Since this morning every Send to PSA fails.',
			endedAt: null
		});
	});

	it('mails the report with its bundle to the support address, with no credential, token or customer name', async () => {
		const profile = await readEntity(gw.store.db, ORG, 'orgProfile', ORG_PROFILE_ID);
		const { id: _id, ...fields } = profile!;
		const client = syncClient(admin);
		const pushed = await client.push([client.m('saveOrgProfile', { ...fields, supportEmail: SUPPORT })]);
		expect(pushed.body.results).toEqual([{ id: 1, status: 'applied' }]);

		const res = await sales.post('/api/incidents/report', report());
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		expect(res.body.mailedTo).toBe(SUPPORT);
		const sent = await mail();
		expect(sent).toHaveLength(1);
		expect(sent[0]!.subject).toBe('[Outpost incident] Autotask: Quotes will not send to Autotask');
		const body = await gw.mailer.read(sent[0]!);
		expect(body).toContain(`Incident: ${res.body.incidentId}`);
		expect(body).toContain('App version: 1733500000000 (protocol 1, local schema 6)');
		expect(body).toContain('Sync: error, last synced 2024-12-06T15:46:40.000Z');
		expect(body).toContain('Outbox size: 3');
		expect(body).toContain('Recent sync errors: updateQuote → quote_read_only at 2024-12-06T15:46:40.500Z');
		expect(body).toContain('Recent issues (device): autotask:syncQuote:q-77');
		expect(body).toContain(`Open incidents (gateway): `);
		const secrets = [DEMO_PASSWORD, ...sales.cookies.values(), ...admin.cookies.values(), 'Acme Corporation'];
		for (const secret of secrets) expect(body).not.toContain(secret);
	});

	it('replicates the report to staff as an incident', async () => {
		const state = replay(await syncClient(sales).pullAll(null));
		const reported = [...state.values()].filter((v) => (v as { source?: string }).source === 'report');
		expect(reported).toHaveLength(2);
	});

	it('refuses a bundle that carries anything beyond its fields, and records nothing', async () => {
		const before = await mail();
		const res = await sales.post(
			'/api/incidents/report',
			report({ diagnostics: { ...diagnostics(), sessionToken: 'abc' } })
		);
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe('invalid_input');
		expect(res.body.error.message).toMatch(/sessionToken/);
		expect(await mail()).toHaveLength(before.length);
	});

	it('names a time in the bundle that no calendar holds, and records nothing', async () => {
		const before = await mail();
		const res = await sales.post(
			'/api/incidents/report',
			report({ diagnostics: { ...diagnostics(), lastSyncedAt: 9_007_199_254_740_959 } })
		);
		expect(res.status).toBe(400);
		expect(res.body.error.message).toMatch(/diagnostics\.lastSyncedAt/);
		expect(await mail()).toHaveLength(before.length);
	});

	it('keeps a report whose text carries NUL and unpaired surrogates, with those replaced', async () => {
		const bundle = diagnostics();
		const res = await sales.post(
			'/api/incidents/report',
			report({
				summary: 'Sync\u0000 stops \ud800',
				details: 'a\u0000b',
				diagnostics: {
					...bundle,
					page: '\udfff',
					recentRejections: [{ mutation: '\ud800', code: 'a\u0000b', at: 1_733_500_000_500 }]
				}
			})
		);
		expect(res.status, JSON.stringify(res.body)).toBe(200);
		const sent = await mail();
		expect(sent.at(-1)!.subject).toBe('[Outpost incident] Autotask: Sync\uFFFD stops \uFFFD');
		expect(await gw.mailer.read(sent.at(-1)!)).toContain('Recent sync errors: \uFFFD → a\uFFFDb at');
	});

	it('names a missing summary', async () => {
		const res = await sales.post('/api/incidents/report', report({ summary: '  ' }));
		expect(res.status).toBe(400);
		expect(res.body.error.message).toMatch(/Say in a line what went wrong\./);
	});

	it('takes reports from staff only: a customer contact is refused, a visitor must sign in', async () => {
		const customer = await gw.login('customer@acme.outpost.test');
		expect((await customer.post('/api/incidents/report', report())).status).toBe(403);
		expect((await gw.client().post('/api/incidents/report', report())).status).toBe(401);
	});
});
