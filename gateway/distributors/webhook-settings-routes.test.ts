// Admin › Distributors › Ingram Micro webhook over HTTP: an admin sets the secret key and is shown the
// URL to register; the key is sealed and never sent back, a new key keeps the URL, removing it refuses
// deliveries, and only an admin may do any of it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGRAM_WEBHOOK_KEY } from '../connectors/ingrammicro/webhook/settings.ts';
import { signEvent } from '../connectors/ingrammicro/webhook/signature.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';

const PATH = '/api/admin/distributors/ingrammicro/webhook';
const SECRET = 'first-secret-key-from-ingram';

describe.each(STORE_KINDS)('the Ingram Micro webhook setting on $name', (kind) => {
	let gw: Gateway;
	beforeAll(async () => {
		gw = await startGateway(kind, { publicUrl: 'https://outpost.example' });
	});
	afterAll(() => gw?.close());

	it('seals the key, answers the URL to register, keeps it for a new key, and forgets both on removal', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		expect((await admin.get(PATH)).body).toEqual({ configured: false, url: null });
		const saved = await admin.put(PATH, { secret: SECRET });
		expect(saved.status).toBe(200);
		expect(saved.body.url).toMatch(
			/^https:\/\/outpost\.example\/api\/webhooks\/ingrammicro\/org-demo\/[A-Za-z0-9_-]{32}$/
		);
		expect(JSON.stringify(saved.body)).not.toContain(SECRET);
		const [row] = await gw.store.db
			.selectFrom('integration_credentials')
			.select('ciphertext')
			.where('provider', '=', INGRAM_WEBHOOK_KEY)
			.execute();
		expect(row!.ciphertext).not.toContain(SECRET);
		expect((await admin.put(PATH, { secret: 'second-secret-key-from-ingram' })).body.url).toBe(saved.body.url);
		expect((await admin.get(PATH)).body).toEqual({ configured: true, url: saved.body.url });

		const local = saved.body.url.replace('https://outpost.example', gw.baseUrl);
		const event = JSON.stringify({ eventId: 'EVT-1', resource: [] });
		const signature = await signEvent('second-secret-key-from-ingram', 'EVT-1');
		const deliver = () =>
			fetch(local, { method: 'POST', headers: { 'x-hub-signature': signature }, body: event }).then((r) => r.status);
		expect(await deliver()).toBe(200);
		expect((await admin.delete(PATH)).body).toEqual({ configured: false, url: null });
		expect(await deliver()).toBe(401);
	});

	it('names a key that does not fit, and refuses anyone but an admin', async () => {
		const admin = await gw.login('admin@demo.outpost.test');
		expect((await admin.put(PATH, { secret: 'short' })).body).toEqual({
			error: { code: 'invalid_input', message: 'secret: at least 8 characters' }
		});
		const viewer = await gw.login('viewer@demo.outpost.test');
		expect((await viewer.put(PATH, { secret: SECRET })).status).toBe(403);
		expect((await viewer.get(PATH)).status).toBe(403);
	});
});
