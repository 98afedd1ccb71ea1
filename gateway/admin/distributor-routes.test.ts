// Admin > Distributors over HTTP through the real app and store: ordering credentials checked field by
// field, tested against each distributor's simulator and sealed only when accepted; the replicated
// rows (never the credentials) for admins; each failure in the words that name its fix.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { INVALID_CUSTOMER_NUMBER_FIX } from '../connectors/common/distributor-connection.ts';
import { createOutboundPolicy } from '../connectors/common/outbound-policy.ts';
import {
	startSandbox as startIngram,
	type Sandbox as IngramSandbox
} from '../connectors/ingrammicro/test/client-sandbox.ts';
import {
	startSandbox as startTdSynnex,
	type Sandbox as TdSynnexSandbox
} from '../connectors/tdsynnex/test/client-sandbox.ts';
import { createPsaServices, type PsaServices } from '../psa/psa-services.ts';
import { readEntity } from '../store/entity-reader.ts';
import { createPokeHub } from '../sync/poke-hub.ts';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { replay, syncClient } from '../test/wire-client.ts';

const BASE = '/api/admin/distributors';
const REAUTHENTICATE =
	'Expired OAuth token: for Ingram Micro ordering, OAuth tokens expire. Re-authenticate at Admin > Distributors.';

describe.each(STORE_KINDS)('Admin > Distributors over HTTP on $name', (kind) => {
	let gw: Gateway;
	let psa: PsaServices;
	let ingram: IngramSandbox;
	let tdsynnex: TdSynnexSandbox;
	let admin: HttpClient;
	let closeStore: () => Promise<void>;
	const row = (name: 'ingrammicro' | 'tdsynnex') => readEntity(gw.store.db, DEMO_ORG.id, 'distributors', name);
	const tdCredentials = () => ({ ...tdsynnex.control.credentials, baseUrl: tdsynnex.baseUrl, country: 'US' });

	beforeAll(async () => {
		ingram = await startIngram();
		tdsynnex = await startTdSynnex();
		const opened = await kind.open();
		closeStore = opened.close;
		const pokes = createPokeHub();
		// Sandbox mode's policy: the simulators listen on loopback.
		psa = await createPsaServices({
			store: opened.store,
			pokes,
			outbound: createOutboundPolicy({ allowLoopback: true })
		});
		gw = await startGateway(kind, { store: opened.store, pokes, psa });
		admin = await gw.login('admin@demo.outpost.test');
	});
	afterAll(async () => {
		await gw.close();
		await closeStore();
		await ingram.close();
		await tdsynnex.close();
	});

	it('is for admins only', async () => {
		const sales = await gw.login('sales@demo.outpost.test');
		for (const name of ['ingrammicro', 'tdsynnex']) {
			expect((await sales.post(`${BASE}/${name}/test`, {})).status).toBe(403);
			expect((await sales.put(`${BASE}/${name}/credentials`, { credentials: tdCredentials() })).status).toBe(403);
			expect((await sales.delete(`${BASE}/${name}/credentials`)).status).toBe(403);
		}
		expect(tdsynnex.control.totalCalls() + ingram.control.totalCalls()).toBe(0);
	});

	it('knows no other distributor', async () => {
		const res = await admin.post(`${BASE}/dandh/test`, {});
		expect(res.status).toBe(404);
		expect(res.body.error.message).toBe('No distributor called "dandh".');
	});

	it('says where to configure Ingram Micro when nothing is saved, without calling it', async () => {
		const res = await admin.post(`${BASE}/ingrammicro/test`, {});
		expect(res.status).toBe(200);
		expect(res.body.connection).toMatchObject({
			state: 'failed',
			message: 'Ingram Micro is not configured at Admin > Distributors.'
		});
		expect(ingram.control.totalCalls()).toBe(0);
	});

	it('refuses a control character naming the field, and an over-long customer number, before any call', async () => {
		const bad = { ...ingram.credentials, clientId: 'app\u0007id', customerNumber: '2'.repeat(41) };
		const res = await admin.put(`${BASE}/ingrammicro/credentials`, { credentials: bad });
		expect(res.status).toBe(400);
		expect(res.body.error.fields).toEqual(['clientId', 'customerNumber']);
		expect(res.body.error.message).toBe(
			'These Ingram Micro credentials are missing or invalid: clientId (letters, digits, punctuation and spaces only (no control or non-Latin characters)), customerNumber (at most 40 characters).'
		);
		expect(ingram.control.totalCalls()).toBe(0);
	});

	it('saves Ingram Micro credentials once they work; the row shows the account and never the secret', async () => {
		const res = await admin.put(`${BASE}/ingrammicro/credentials`, { credentials: ingram.credentials });
		expect(res.status).toBe(200);
		expect(res.body.connection).toMatchObject({
			state: 'connected',
			message: 'Connected to Ingram Micro as customer 20-222222 (US).'
		});
		expect(JSON.stringify(res.body)).not.toContain(ingram.credentials.clientSecret);
		expect(await row('ingrammicro')).toMatchObject({
			configured: true,
			customerNumber: '20-222222',
			country: 'US',
			connection: { state: 'connected' }
		});
	});

	it('keeps the saved credentials when a wrong customer number is tried, naming its fix', async () => {
		const res = await admin.put(`${BASE}/ingrammicro/credentials`, { credentials: { customerNumber: '20-000000' } });
		expect(res.status).toBe(422);
		expect(res.body.error).toMatchObject({
			code: 'credentials_not_verified',
			state: 'invalid_customer_number',
			message: `Ingram Micro did not accept these credentials, so they were not saved: ${INVALID_CUSTOMER_NUMBER_FIX}`
		});
		expect((await row('ingrammicro'))?.customerNumber).toBe('20-222222');
	});

	it('shows Invalid customer number when Ingram Micro no longer knows the saved one', async () => {
		ingram.control.setRegisteredCustomerNumber('20-000000');
		const res = await admin.post(`${BASE}/ingrammicro/test`, {});
		ingram.control.setRegisteredCustomerNumber('20-222222');
		expect(res.body.connection).toMatchObject({
			state: 'invalid_customer_number',
			message: INVALID_CUSTOMER_NUMBER_FIX
		});
		expect((await row('ingrammicro'))?.connection.state).toBe('invalid_customer_number');
	});

	it('asks to re-authenticate after a revocation, and a new client secret alone fixes it', async () => {
		ingram.control.revokeCredentials();
		const tested = await admin.post(`${BASE}/ingrammicro/test`, {});
		expect(tested.body.connection).toMatchObject({ state: 'reauthenticate', message: REAUTHENTICATE });
		expect((await row('ingrammicro'))?.connection.state).toBe('reauthenticate');

		ingram.control.issueNewSecret('a-new-client-secret');
		const saved = await admin.put(`${BASE}/ingrammicro/credentials`, {
			credentials: { clientSecret: 'a-new-client-secret' }
		});
		expect(saved.status).toBe(200);
		expect(saved.body.connection.state).toBe('connected');
		expect((await row('ingrammicro'))?.connection.state).toBe('connected');
		expect((await admin.post(`${BASE}/ingrammicro/test`, {})).body.connection.state).toBe('connected');
	});

	it('saves TD SYNNEX credentials once they work, and tests them with one PO status look-up', async () => {
		const res = await admin.put(`${BASE}/tdsynnex/credentials`, { credentials: tdCredentials() });
		expect(res.status).toBe(200);
		expect(res.body.connection).toMatchObject({
			state: 'connected',
			message: 'Connected to TD SYNNEX as customer 780980.'
		});
		tdsynnex.control.resetCalls();
		const tested = await admin.post(`${BASE}/tdsynnex/test`, {});
		expect(tested.body.connection.state).toBe('connected');
		expect(tdsynnex.control.calls()).toEqual({ 'POST /SynnexXML/POStatus': 1 });
		expect(await row('tdsynnex')).toMatchObject({ configured: true, customerNumber: '780980', country: 'US' });
	});

	it('refuses a TD SYNNEX customer number it does not know as Invalid customer number, and one with letters before sending', async () => {
		const foreign = await admin.put(`${BASE}/tdsynnex/credentials`, { credentials: { customerNumber: '111111' } });
		expect(foreign.status).toBe(422);
		expect(foreign.body.error.state).toBe('invalid_customer_number');
		expect(foreign.body.error.message).toContain(INVALID_CUSTOMER_NUMBER_FIX);
		const letters = await admin.put(`${BASE}/tdsynnex/credentials`, { credentials: { customerNumber: 'AB-12' } });
		expect(letters.status).toBe(400);
		expect(letters.body.error.fields).toEqual(['customerNumber']);
		expect((await row('tdsynnex'))?.customerNumber).toBe('780980');
	});

	it('replicates the rows to admins only, and no credential in any pull', async () => {
		const adminState = replay(await syncClient(admin).pullAll(null));
		expect(adminState.get('distributors/tdsynnex')).toMatchObject({ customerNumber: '780980' });
		const pulled = JSON.stringify([...adminState.values()]);
		for (const secret of ['a-new-client-secret', ingram.credentials.clientId, tdsynnex.control.credentials.password]) {
			expect(pulled).not.toContain(secret);
		}
		const sales = syncClient(await gw.login('sales@demo.outpost.test'));
		const salesState = replay(await sales.pullAll(null));
		expect([...salesState.keys()].filter((key) => key.startsWith('distributors/'))).toEqual([]);
	});

	it('changes ordering and the preference order as mutations', async () => {
		const wire = syncClient(admin);
		const res = await wire.push([
			wire.m('setDistributorOrdering', { distributor: 'tdsynnex', enabled: true }),
			wire.m('moveDistributor', { distributor: 'tdsynnex', direction: 'up' })
		]);
		expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
		expect(await row('tdsynnex')).toMatchObject({ orderingEnabled: true, preferenceRank: 1 });
		expect((await row('ingrammicro'))?.preferenceRank).toBe(2);
	});

	it('forgets credentials: not configured, ordering off', async () => {
		expect((await admin.delete(`${BASE}/tdsynnex/credentials`)).status).toBe(200);
		expect(await row('tdsynnex')).toMatchObject({ configured: false, orderingEnabled: false, customerNumber: null });
		expect((await admin.post(`${BASE}/tdsynnex/test`, {})).body.connection.message).toBe(
			'TD SYNNEX is not configured at Admin > Distributors.'
		);
	});
});
