import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../integrations/autotask/test-sandbox.ts';
import { readEntity } from '../store/entity-reader.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { syncClient } from '../test/wire-client.ts';

const ORG = 'org-demo';

describe.each(STORE_KINDS)('Admin > Integrations credentials over HTTP on $name', (kind) => {
	let gw: Gateway;
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
		gw = await startGateway(kind);
	});
	afterAll(async () => {
		await gw.close();
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

	it('saves sealed credentials, tests them against Autotask, and never sends them back', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		const res = await admin.put('/api/admin/integrations/autotask/credentials', { credentials: good() });
		expect(res.status).toBe(200);
		expect(res.body.connection).toMatchObject({ state: 'ok', message: expect.stringMatching(/^Connected/) });

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

	it('reports refused credentials as a failed connection with the seeds text', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		const res = await admin.put('/api/admin/integrations/autotask/credentials', {
			credentials: { ...good(), secret: 'wrong' }
		});
		expect(res.status).toBe(200);
		expect(res.body.connection).toMatchObject({
			state: 'failed',
			message: 'Autotask authentication error: please verify your credentials'
		});
		await admin.put('/api/admin/integrations/autotask/credentials', { credentials: good() });
		expect((await admin.post('/api/admin/integrations/autotask/test')).body.connection.state).toBe('ok');
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
