// The gateway as the benches see it: the demo seed, createApp() over a bench store, served by
// @hono/node-server on a loopback port. The same server carries /bench/*: a bare Hono handler
// (the HTTP-stack reference: parse the JSON body, answer a registered JSON value), and the static
// files and fixtures of the browser bench, so the page, its fixtures and /api share one origin.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../gateway/app.ts';
import { DEMO_PASSWORD } from '../../gateway/demo/demo-data.ts';
import { seedDemo } from '../../gateway/demo/seed-demo.ts';
import type { Store } from '../../gateway/store/store.ts';
import { TEST_PASSWORDS } from '../../gateway/test/http-harness.ts';

export type BenchServer = {
	baseUrl: string;
	/** The bare handler at POST /bench/bare/<key> answers `value` (serialised per request, like ours). */
	setBare(key: string, value: unknown): void;
	/** GET /bench/files/<name> answers `body` as is. */
	setFile(name: string, contentType: string, body: string | (() => string)): void;
	/** Signs in over HTTP; returns the Cookie header value that carries the session. */
	login(email: string): Promise<string>;
	close(): Promise<void>;
};

export async function startBenchServer(store: Store, options: { pullPageSize?: number } = {}): Promise<BenchServer> {
	await seedDemo(store, TEST_PASSWORDS, Date.now());
	// The port is known only once listening, and the app's origin check trusts that origin alone.
	let handle: (request: Request, env: unknown) => Response | Promise<Response> = () =>
		new Response(null, { status: 503 });
	const server = await new Promise<Server>((resolve) => {
		const s = serve({ fetch: (request, env) => handle(request, env), port: 0, hostname: '127.0.0.1' }, () =>
			resolve(s as Server)
		);
	});
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const { app, pokes } = await createApp({
		store,
		passwords: TEST_PASSWORDS,
		log: () => {},
		publicUrl: baseUrl,
		...options
	});

	const bare = new Map<string, unknown>();
	const files = new Map<string, { contentType: string; body: string | (() => string) }>();
	const bench = new Hono()
		.post('/bench/bare/:key', async (c) => {
			await c.req.json();
			return c.json(bare.get(c.req.param('key')) ?? null);
		})
		.get('/bench/files/:name', (c) => {
			const file = files.get(c.req.param('name'));
			if (!file) return c.notFound();
			const body = typeof file.body === 'function' ? file.body() : file.body;
			return c.body(body, 200, { 'content-type': file.contentType, 'cache-control': 'no-store' });
		});

	// The Node request goes along as env, as main.ts serves it (gateway/http/request-body.ts reads it).
	handle = (request, env) => (request.url.includes('/bench/', 8) ? bench.fetch(request, env) : app.fetch(request, env));

	return {
		baseUrl,
		setBare: (key, value) => void bare.set(key, value),
		setFile: (name, contentType, body) => void files.set(name, { contentType, body }),
		async login(email) {
			const response = await globalThis.fetch(`${baseUrl}/api/auth/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email, password: DEMO_PASSWORD })
			});
			if (response.status !== 200)
				throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
			return response.headers
				.getSetCookie()
				.map((line) => line.split(';')[0]!)
				.join('; ');
		},
		async close() {
			pokes.close();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		}
	};
}
