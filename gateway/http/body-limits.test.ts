// Request bodies are capped before anything reads them, signed in or not: 1 MB for most routes,
// 8 MB for a push. A body over the cap is answered 413 too_large, whether it says its length or not.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUSH_LIMITS } from '../../shared/sync/protocol.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';

const MB = 1024 * 1024;

describe.each(STORE_KINDS)('body limits on $name', (kind) => {
	let gw: Gateway;

	beforeAll(async () => {
		gw = await startGateway(kind);
	});
	afterAll(async () => {
		await gw?.close();
	});

	/**
	 * Posts on a connection of its own: a server that refuses a body unread closes the connection,
	 * which a pooled one would carry into the next request.
	 */
	async function postAlone(path: string, body: BodyInit, headers: Record<string, string> = {}) {
		const res = await fetch(`${gw.baseUrl}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', connection: 'close', ...headers },
			body,
			duplex: 'half'
		} as RequestInit);
		return { status: res.status, body: await res.json() };
	}

	/** A JSON body of about `bytes` bytes: a login whose password field is padded. */
	const padded = (bytes: number) => JSON.stringify({ email: 'admin@demo.outpost.test', password: 'x'.repeat(bytes) });

	it('answers a sign-in body over 1 MB with 413 too_large, before any session exists', async () => {
		const res = await postAlone('/api/auth/login', padded(MB + 1));
		expect(res.status).toBe(413);
		expect(res.body).toEqual({
			error: { code: 'too_large', message: 'The request body is larger than 1 MB, the limit here.' }
		});
	});

	it('counts a streamed body that does not say its length', async () => {
		const chunk = new TextEncoder().encode('x'.repeat(256 * 1024));
		let sent = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent++ < 8) controller.enqueue(chunk);
				else controller.close();
			}
		});
		const res = await postAlone('/api/auth/login', body);
		expect(res.status).toBe(413);
		expect(res.body.error.code).toBe('too_large');
	});

	it('lets a body under the cap through to its route', async () => {
		const res = await gw
			.client()
			.post('/api/auth/login', { email: 'nobody@demo.outpost.test', password: 'wrong password' });
		expect(res.status).toBe(401);
	});

	it('gives a push its own, larger cap', async () => {
		const sales = await gw.login('sales@demo.outpost.test');
		const push = (padding: number) =>
			sales.post('/api/sync/push', undefined, {
				raw: JSON.stringify({
					clientGroupID: 'cg-limits',
					clientID: 'c-limits',
					mutations: [],
					padding: 'x'.repeat(padding)
				})
			});
		expect((await push(2 * MB)).status).toBe(200);
		const over = await push(PUSH_LIMITS.maxBodyBytes);
		expect(over.status).toBe(413);
		expect(over.body).toEqual({
			error: { code: 'too_large', message: 'The request body is larger than 8 MB, the limit here.' }
		});
	});

	// hono's bodyLimit opened the body stream before the handler read it; on Node that closed the
	// keep-alive socket under the next request ("other side closed").
	it('leaves a pooled connection usable after a body under the limit was read and refused', async () => {
		const statuses: number[] = [];
		for (const password of ['x'.repeat(200_000), 'short', 'x'.repeat(200_000), 'short']) {
			const response = await fetch(`${gw.baseUrl}/api/auth/password-reset/${'x'.repeat(43)}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ password })
			});
			await response.arrayBuffer();
			statuses.push(response.status);
		}
		expect(statuses).toEqual([400, 400, 400, 400]);
	});
});
