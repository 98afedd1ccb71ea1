// POST /api/admin/distributors/ingrammicro/test over HTTP through the real app and store: the saved
// (sealed) credentials tested against the simulator, each failure in the words that name its fix.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboundPolicy } from '../connectors/common/outbound-policy.ts';
import { saveIngramCredentials } from '../connectors/ingrammicro/ordering-credentials.ts';
import { startSandbox, type Sandbox } from '../connectors/ingrammicro/test/client-sandbox.ts';
import { createPsaServices, type PsaServices } from '../psa/psa-services.ts';
import { createPokeHub } from '../sync/poke-hub.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';

const ORG = 'org-demo';
const PATH = '/api/admin/distributors/ingrammicro/test';

describe.each(STORE_KINDS)('Admin > Distributors: test Ingram Micro over HTTP on $name', (kind) => {
	let gw: Gateway;
	let psa: PsaServices;
	let sandbox: Sandbox;
	let closeStore: () => Promise<void>;
	beforeAll(async () => {
		sandbox = await startSandbox();
		const opened = await kind.open();
		closeStore = opened.close;
		const pokes = createPokeHub();
		// Sandbox mode's policy: the simulator listens on loopback.
		psa = await createPsaServices({
			store: opened.store,
			pokes,
			outbound: createOutboundPolicy({ allowLoopback: true })
		});
		gw = await startGateway(kind, { store: opened.store, pokes, psa });
	});
	afterAll(async () => {
		await gw.close();
		await closeStore();
		await sandbox.close();
	});

	it('is for admins only', async () => {
		const sales = await gw.login('sales@demo.outpost.test');
		expect((await sales.post(PATH, {})).status).toBe(403);
	});

	it('says where to configure Ingram Micro when nothing is saved', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		const res = await admin.post(PATH, {});
		expect(res.status).toBe(200);
		expect(res.body.connection).toMatchObject({
			state: 'failed',
			message: 'Ingram Micro is not configured at Admin > Distributors.'
		});
		expect(sandbox.control.totalCalls()).toBe(0);
	});

	it('tests the saved credentials with one token and one search', async () => {
		await saveIngramCredentials(psa.vault, ORG, sandbox.credentials, Date.now());
		sandbox.control.resetCalls();
		const admin = await gw.login('admin@demo.outpost.test');
		const res = await admin.post(PATH, {});
		expect(res.body.connection).toMatchObject({
			state: 'ok',
			message: 'Connected to Ingram Micro as customer 20-222222 (US).'
		});
		expect(sandbox.control.calls()).toEqual({ 'POST /oauth/oauth20/token': 1, 'GET /resellers/v6/orders/search': 1 });
	});

	it('names the fix for a wrong customer number', async () => {
		sandbox.control.setRegisteredCustomerNumber('20-000000');
		const admin = await gw.login('admin@demo.outpost.test');
		const res = await admin.post(PATH, {});
		sandbox.control.setRegisteredCustomerNumber('20-222222');
		expect(res.body.connection).toMatchObject({
			state: 'failed',
			message: 'Invalid customer number. The ordering credentials need to be updated at Admin > Distributors.'
		});
	});

	it('asks to re-authenticate when the credentials are revoked', async () => {
		sandbox.control.revokeCredentials();
		const admin = await gw.login('admin@demo.outpost.test');
		const res = await admin.post(PATH, {});
		expect(res.body.connection).toMatchObject({
			state: 'failed',
			message:
				'Expired OAuth token: for Ingram Micro ordering, OAuth tokens expire. Re-authenticate at Admin > Distributors.'
		});
	});
});
