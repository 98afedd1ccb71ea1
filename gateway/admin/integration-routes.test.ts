import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../connectors/autotask/test/client-sandbox.ts';
import { createOutboundPolicy, type OutboundPolicy } from '../connectors/common/outbound-policy.ts';
import { createPsaServices, updateIntegration, type PsaServices } from '../psa/psa-services.ts';
import { readEntity } from '../store/entity-reader.ts';
import { createPokeHub } from '../sync/poke-hub.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS, type TestStoreKind } from '../test/stores.ts';
import { syncClient } from '../test/wire-client.ts';

const ORG = 'org-demo';

/** A gateway on its own store; `outbound` left out is the default, strict policy. */
async function startPsaGateway(kind: TestStoreKind, outbound?: OutboundPolicy) {
	const opened = await kind.open();
	const pokes = createPokeHub();
	const psa = await createPsaServices({ store: opened.store, pokes, ...(outbound ? { outbound } : {}) });
	const gw = await startGateway(kind, { store: opened.store, pokes, psa });
	return { gw, psa, close: async () => (await gw.close(), await opened.close()) };
}

describe.each(STORE_KINDS)('Admin > Integrations credentials over HTTP on $name', (kind) => {
	let gw: Gateway;
	let close: () => Promise<void>;
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
		// Sandbox mode's policy: the simulator listens on loopback.
		({ gw, close } = await startPsaGateway(kind, createOutboundPolicy({ allowLoopback: true })));
	});
	afterAll(async () => {
		await close();
		await sandbox.close();
	});
	const good = () => ({ ...sandbox.control.credentials, zoneLookupUrl: sandbox.zoneLookupUrl });

	it('names the missing fields and saves nothing', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		const res = await admin.put('/api/admin/integrations/autotask/credentials', {
			credentials: { userName: 'api@msp.test' }
		});
		expect(res.status).toBe(400);
		expect(res.body.error.fields.sort()).toEqual(['apiIntegrationCode', 'secret']);
		expect(res.body.error.message).toMatch(/apiIntegrationCode/);
		expect(await gw.store.db.selectFrom('integration_credentials').selectAll().execute()).toEqual([]);
	});

	it('refuses a ConnectWise site that is not a host name or URL before saving anything', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		const res = await admin.put('/api/admin/integrations/connectwise/credentials', {
			credentials: { site: 'not a site', companyId: 'CW', publicKey: 'pub', privateKey: 'priv', clientId: 'client' }
		});
		expect(res.status).toBe(400);
		expect(res.body.error.fields).toEqual(['site']);
		expect(await gw.store.db.selectFrom('integration_credentials').selectAll().execute()).toEqual([]);
		expect(await readEntity(gw.store.db, ORG, 'integrations', 'connectwise')).toBeUndefined();
	});

	it('refuses a 200,000-character value with a 400 naming the field', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		const res = await admin.put('/api/admin/integrations/autotask/credentials', {
			credentials: { ...good(), secret: 'x'.repeat(200_000) }
		});
		expect(res.status).toBe(400);
		expect(res.body.error.fields).toEqual(['secret']);
		expect(res.body.error.message).toBe(
			'These Autotask credentials are missing or invalid: secret (at most 2000 characters).'
		);
		expect(await gw.store.db.selectFrom('integration_credentials').selectAll().execute()).toEqual([]);
	});

	it('refuses characters a header cannot carry (a NUL, a lone surrogate) with a 400 naming the fields', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		const res = await admin.put('/api/admin/integrations/connectwise/credentials', {
			credentials: {
				site: 'https://api-na.example.invalid',
				companyId: '\ud800',
				publicKey: 'pub',
				privateKey: 'priv',
				clientId: '\u0000'
			}
		});
		expect(res.status).toBe(400);
		expect(res.body.error.fields.sort()).toEqual(['clientId', 'companyId']);
		expect(await gw.store.db.selectFrom('integration_credentials').selectAll().execute()).toEqual([]);
	});

	it('saves sealed credentials, tests them against Autotask, and never sends them back', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		const res = await admin.put('/api/admin/integrations/autotask/credentials', { credentials: good() });
		expect(res.status).toBe(200);
		expect(res.body.connection).toMatchObject({ state: 'ok', message: expect.stringMatching(/^Connected/) });

		const zone = await gw.store.db
			.selectFrom('external_links')
			.select(['kind', 'local_id', 'external_id'])
			.orderBy('local_id')
			.execute();
		// The zone's API address for requests, and its web address for links that open a record.
		expect(zone).toEqual([
			{ kind: 'zone', local_id: 'url', external_id: `${sandbox.origin}/webservices3/ATServicesRest/` },
			{ kind: 'zone', local_id: 'webUrl', external_id: `${sandbox.origin}/` }
		]);
		const [stored] = await gw.store.db.selectFrom('integration_credentials').selectAll().execute();
		expect(stored!.ciphertext).not.toContain(good().secret);
		expect(await readEntity(gw.store.db, ORG, 'integrations', 'autotask')).toMatchObject({
			configured: true,
			connection: { state: 'ok' }
		});
		const pages = await syncClient(admin).pullAll(null);
		expect(JSON.stringify(pages)).not.toContain(good().secret);
		expect(JSON.stringify(pages)).toContain('"configured":true');
	});

	it('does not save credentials the PSA refuses, and keeps the working ones', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		await admin.put('/api/admin/integrations/autotask/credentials', { credentials: good() });
		const before = await gw.store.db.selectFrom('integration_credentials').selectAll().execute();

		const res = await admin.put('/api/admin/integrations/autotask/credentials', {
			credentials: { ...good(), secret: 'wrong' }
		});
		expect(res.status).toBe(422);
		expect(res.body.error).toEqual({
			code: 'credentials_not_verified',
			message:
				'Autotask refused these credentials, so they were not saved: Autotask authentication error: please verify your credentials'
		});
		expect(await gw.store.db.selectFrom('integration_credentials').selectAll().execute()).toEqual(before);
		expect((await admin.post('/api/admin/integrations/autotask/test')).body.connection.state).toBe('ok');
	});

	it('saves nothing when the PSA cannot be reached to test them', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		await admin.delete('/api/admin/integrations/autotask/credentials');
		const res = await admin.put('/api/admin/integrations/autotask/credentials', {
			credentials: { ...good(), zoneLookupUrl: 'http://127.0.0.1:9/ATServicesRest/' }
		});
		expect(res.status).toBe(422);
		expect(res.body.error.message).toBe(
			'Autotask could not be reached to test these credentials, so they were not saved: The connection to Autotask was reset.'
		);
		expect(await gw.store.db.selectFrom('integration_credentials').selectAll().execute()).toEqual([]);
		expect(await readEntity(gw.store.db, ORG, 'integrations', 'autotask')).toMatchObject({ configured: false });
	});

	it('removes credentials: the integration is no longer configured', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		await admin.put('/api/admin/integrations/autotask/credentials', { credentials: good() });
		expect((await admin.delete('/api/admin/integrations/autotask/credentials')).status).toBe(200);
		expect(await readEntity(gw.store.db, ORG, 'integrations', 'autotask')).toMatchObject({ configured: false });
		expect(await gw.store.db.selectFrom('integration_credentials').selectAll().execute()).toEqual([]);
	});

	it('is for admins only, and knows only the three PSAs', async () => {
		const sales = await gw.login('sales@demo.outpost.test');
		expect((await sales.put('/api/admin/integrations/autotask/credentials', { credentials: good() })).status).toBe(403);
		const admin = await gw.login('admin@demo.outpost.test');
		expect((await admin.post('/api/admin/integrations/kaseya/test')).status).toBe(404);
	});
});

describe.each(STORE_KINDS)('Admin > Integrations outbound URLs outside sandbox mode on $name', (kind) => {
	let gw: Gateway;
	let psa: PsaServices;
	let close: () => Promise<void>;
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
		({ gw, psa, close } = await startPsaGateway(kind));
	});
	afterAll(async () => {
		await close();
		await sandbox.close();
	});

	it('refuses a loopback zoneLookupUrl, naming the rule, with nothing saved and no request made', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		sandbox.control.resetCalls();
		const res = await admin.put('/api/admin/integrations/autotask/credentials', {
			credentials: { ...sandbox.control.credentials, zoneLookupUrl: sandbox.zoneLookupUrl }
		});
		expect(res.status).toBe(422);
		expect(res.body.error).toEqual({
			code: 'outbound_url_refused',
			rule: 'loopback',
			fields: ['zoneLookupUrl'],
			message: 'zoneLookupUrl: 127.0.0.1 is a loopback address; Outpost does not call it outside sandbox mode.'
		});
		expect(sandbox.control.totalCalls()).toBe(0);
		expect(await gw.store.db.selectFrom('integration_credentials').selectAll().execute()).toEqual([]);
		expect(await readEntity(gw.store.db, ORG, 'integrations', 'autotask')).toBeUndefined();
	});

	it.each([
		[
			'connectwise',
			'site',
			{ site: 'http://169.254.169.254', companyId: 'CW', publicKey: 'p', privateKey: 'k', clientId: 'c' },
			'link_local'
		],
		[
			'halopsa',
			'resourceUrl',
			{ resourceUrl: 'https://10.0.0.5/api', authUrl: 'https://10.0.0.5/auth', clientId: 'c', clientSecret: 's' },
			'private'
		],
		[
			'halopsa',
			'resourceUrl',
			{ resourceUrl: 'https://0x7f.1/api', authUrl: 'https://msp.halopsa.com/auth', clientId: 'c', clientSecret: 's' },
			'loopback'
		]
	])('refuses a %s %s that points inside the network (%#)', async (provider, field, credentials, rule) => {
		const admin = await gw.login('admin@demo.outpost.test');
		const res = await admin.put(`/api/admin/integrations/${provider}/credentials`, { credentials });
		expect(res.status).toBe(422);
		expect(res.body.error).toMatchObject({ code: 'outbound_url_refused', rule, fields: [field] });
		expect(await gw.store.db.selectFrom('integration_credentials').selectAll().execute()).toEqual([]);
	});

	it('refuses to call a loopback address saved before the policy existed', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		const credentials = { ...sandbox.control.credentials, zoneLookupUrl: sandbox.zoneLookupUrl };
		await psa.vault.save(ORG, 'autotask', credentials, Date.now());
		await updateIntegration(psa, ORG, 'autotask', (row) => ({ ...row, configured: true }));
		sandbox.control.resetCalls();
		const res = await admin.post('/api/admin/integrations/autotask/test');
		expect(res.body.connection).toMatchObject({
			state: 'failed',
			message: '127.0.0.1 is a loopback address; Outpost does not call it outside sandbox mode.'
		});
		expect(sandbox.control.totalCalls()).toBe(0);
	});
});
