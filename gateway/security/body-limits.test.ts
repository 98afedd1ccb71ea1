// Request bodies are bounded before anyone reads them: a 20 MB body, before sign-in or after,
// declared or streamed, is answered 413 with a named error at once, and a declared one is refused
// before it has even arrived, so no request can make the gateway hold it in memory.

import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { cookieHeader, rawRequest } from './raw-request.ts';

const MB = 1024 * 1024;
const HUGE = 20 * MB;
/** Far more than refusing takes, far less than reading and parsing 20 MB on this machine takes. */
const QUICKLY_MS = 3_000;

/** A sign-in body of exactly `size` bytes. */
function loginBody(size: number): string {
	const head = '{"email":"sales@demo.outpost.test","password":"';
	return `${head}${'x'.repeat(size - head.length - 2)}"}`;
}

describe.each(STORE_KINDS)('body limits on $name', (kind) => {
	let gw: Gateway;
	beforeAll(async () => {
		gw = await startGateway(kind, { clientAddress: () => crypto.randomUUID() });
	});
	afterAll(async () => {
		await gw?.close();
	});

	function expectTooLarge(res: { status: number; json: unknown }) {
		expect(res.status).toBe(413);
		const error = (res.json as { error: { code: string; message: string } }).error;
		expect(error.code).toMatch(/^[a-z][a-z_]+$/);
		expect(error.message.trim()).not.toBe('');
	}

	it('a 20 MB sign-in body is refused with 413 quickly', async () => {
		const started = performance.now();
		const res = await rawRequest(gw.baseUrl, {
			method: 'POST',
			target: '/api/auth/login',
			headers: { 'content-type': 'application/json' },
			body: loginBody(HUGE)
		});
		expectTooLarge(res);
		expect(performance.now() - started).toBeLessThan(QUICKLY_MS);
	});

	it('a 20 MB sign-in body streamed without Content-Length is refused with 413', async () => {
		const chunk = new TextEncoder().encode('x'.repeat(MB));
		let sent = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent === 0) controller.enqueue(new TextEncoder().encode('{"email":"a@b.example","password":"'));
				if (sent >= HUGE) return controller.close();
				sent += chunk.length;
				controller.enqueue(chunk);
			}
		});
		const res = await fetch(`${gw.baseUrl}/api/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
			duplex: 'half'
		} as RequestInit);
		const text = await res.text();
		expectTooLarge({ status: res.status, json: JSON.parse(text) });
	});

	it('a declared 20 MB sign-in body is answered 413 before the body arrives', async () => {
		const { port } = new URL(gw.baseUrl);
		const answer = await new Promise<string>((resolve, reject) => {
			const socket = connect(Number(port), '127.0.0.1', () => {
				socket.write(
					`POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
						`Content-Length: ${HUGE}\r\n\r\n{"email":"a@b.example","password":"`
				);
				// The other 20 MB never come; a gateway that waits for them never answers.
			});
			let received = '';
			socket.on('data', (data) => {
				received += data.toString();
				if (received.includes('\r\n\r\n')) {
					socket.destroy();
					resolve(received);
				}
			});
			socket.on('error', reject);
			setTimeout(() => {
				socket.destroy();
				resolve(received);
			}, QUICKLY_MS);
		});
		expect(answer.split('\r\n')[0]!.split(' ')[1]).toBe('413');
	});

	it('a 20 MB push from a signed-in user is refused with 413', async () => {
		const sales = await gw.login('sales@demo.outpost.test');
		const title = 'x'.repeat(200);
		const mutations = Array.from({ length: Math.ceil(HUGE / 300) }, (_, k) => ({
			id: k + 1,
			name: 'createQuote',
			args: { id: `q-${k}`, companyId: 'company-acme', title },
			timestamp: 0
		}));
		const body = JSON.stringify({ clientGroupID: 'cg-huge', clientID: 'c-huge', mutations });
		expect(body.length).toBeGreaterThan(HUGE);
		const started = performance.now();
		const res = await rawRequest(gw.baseUrl, {
			method: 'POST',
			target: '/api/sync/push',
			headers: { 'content-type': 'application/json', cookie: cookieHeader(sales.cookies) },
			body
		});
		expectTooLarge(res);
		expect(performance.now() - started).toBeLessThan(QUICKLY_MS);
	});
});
