import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { originCheck } from './origin-check.ts';

const app = new Hono().use(originCheck('https://outpost.example.com')).all('/api/x', (c) => c.json({ ok: true }));
const send = (method: string, headers: Record<string, string> = {}) =>
	app.request('http://internal:8787/api/x', { method, headers });

describe('originCheck', () => {
	it('lets a browser request from the public URL through', async () => {
		expect((await send('POST', { origin: 'https://outpost.example.com' })).status).toBe(200);
	});

	it('trusts the public URL only, never the request’s own Host', async () => {
		// The request URL's origin comes from the Host header, which the sender chooses.
		const forged = await app.request('http://evil.example/api/x', {
			method: 'POST',
			headers: { host: 'evil.example', origin: 'http://evil.example' }
		});
		expect(forged.status).toBe(403);
		expect((await send('POST', { origin: 'http://internal:8787' })).status).toBe(403);
	});

	it('without a configured public URL trusts the default one only', async () => {
		const plain = new Hono().use(originCheck(undefined)).post('/api/x', (c) => c.json({ ok: true }));
		const from = (origin: string) =>
			plain.request('http://evil.example/api/x', { method: 'POST', headers: { origin } });
		expect((await from('http://localhost:8787')).status).toBe(200);
		expect((await from('http://evil.example')).status).toBe(403);
	});

	it('refuses a state-changing request from another site with 403 origin_rejected', async () => {
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
			const res = await send(method, { origin: 'https://evil.example' });
			expect(res.status).toBe(403);
			expect(await res.json()).toEqual({
				error: { code: 'origin_rejected', message: 'This request came from another site and was refused.' }
			});
		}
		expect((await send('POST', { origin: 'null' })).status).toBe(403);
		expect((await send('POST', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
	});

	it('leaves reads and non-browser clients alone', async () => {
		expect((await send('GET', { origin: 'https://evil.example' })).status).toBe(200);
		expect((await send('POST')).status).toBe(200);
		expect((await send('POST', { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
	});
});
