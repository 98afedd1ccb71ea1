// Compression and caching over real HTTP: the built PWA goes out as the build precompressed it
// (brotli, else gzip, else as is), JSON answers above a kilobyte are gzipped on the fly, the poke
// stream never is, and each kind of response says how long a browser or the service worker may keep it.

import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { mountWeb } from '../platform/serve-web.ts';
import { startGateway, TEST_PASSWORDS, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { rawRequest, type RawAnswer } from '../test/raw-request.ts';
import { syncClient } from '../test/wire-client.ts';
import { acceptsGzip, compressJson, COMPRESS_JSON_ABOVE_BYTES } from './compress-json.ts';

const sqlite = STORE_KINDS.find((k) => k.name === 'sqlite')!;
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

function decoded(raw: RawAnswer): string {
	const encoding = raw.headers['content-encoding'];
	if (encoding === 'br') return brotliDecompressSync(raw.bytes).toString('utf8');
	if (encoding === 'gzip') return gunzipSync(raw.bytes).toString('utf8');
	if (encoding === undefined) return raw.bytes.toString('utf8');
	throw new Error(`unexpected Content-Encoding ${String(encoding)}`);
}

async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<Server> {
	return new Promise((resolve) => {
		const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server as Server));
	});
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

describe('the built PWA', () => {
	const shell = `<!doctype html><title>Outpost</title>${'<p>app shell</p>'.repeat(200)}`;
	const chunk = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, k) => `line ${k}`))};`;
	const files: Record<string, string> = {
		'200.html': shell,
		'_app/immutable/chunks/app.B4x9.js': chunk,
		'service-worker.js': `self.addEventListener('fetch', () => {}); // ${'x'.repeat(2000)}`,
		'manifest.webmanifest': '{"name":"Outpost"}'
	};
	const precompressed = ['200.html', '_app/immutable/chunks/app.B4x9.js', 'service-worker.js'];
	let opened: TestStore;
	let webDir: string;
	let server: Server;
	let baseUrl: string;

	beforeAll(async () => {
		webDir = mkdtempSync(join(tmpdir(), 'outpost-web-'));
		for (const [path, text] of Object.entries(files)) {
			mkdirSync(dirname(join(webDir, path)), { recursive: true });
			writeFileSync(join(webDir, path), text);
		}
		// As adapter-static's precompress writes them.
		for (const path of precompressed) {
			writeFileSync(join(webDir, `${path}.br`), brotliCompressSync(files[path]!));
			writeFileSync(join(webDir, `${path}.gz`), gzipSync(files[path]!));
		}
		opened = await sqlite.open();
		const { app } = await createApp({ store: opened.store, passwords: TEST_PASSWORDS, log: () => {} });
		expect(await mountWeb(app, webDir)).toBe(true);
		server = await listen(app.fetch);
		baseUrl = urlOf(server);
	});
	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
		await opened.close();
		rmSync(webDir, { recursive: true, force: true });
	});

	it('sends the brotli copy of a hashed asset to a browser, cached for a year', async () => {
		const res = await rawRequest(baseUrl + '/_app/immutable/chunks/app.B4x9.js', {
			headers: { 'accept-encoding': BROWSER_ENCODINGS }
		});
		expect(res.status).toBe(200);
		expect(res.headers['content-encoding']).toBe('br');
		expect(res.headers['vary']).toMatch(/accept-encoding/i);
		expect(res.headers['content-type']).toMatch(/javascript/);
		expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(res.bytes.length).toBeLessThan(chunk.length / 2);
		expect(decoded(res)).toBe(chunk);
	});

	it('sends the gzip copy to a client that takes gzip only, and the file as it is to one that takes neither', async () => {
		const gzip = await rawRequest(baseUrl + '/_app/immutable/chunks/app.B4x9.js', {
			headers: { 'accept-encoding': 'gzip' }
		});
		expect(gzip.headers['content-encoding']).toBe('gzip');
		expect(decoded(gzip)).toBe(chunk);

		const plain = await rawRequest(baseUrl + '/_app/immutable/chunks/app.B4x9.js');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers['vary']).toMatch(/accept-encoding/i);
		expect(plain.bytes.toString('utf8')).toBe(chunk);
	});

	it('sends the app shell compressed at every app path, revalidated on every visit', async () => {
		for (const path of ['/', '/quotes/q-1', '/200.html']) {
			const res = await rawRequest(baseUrl + path, { headers: { 'accept-encoding': BROWSER_ENCODINGS } });
			expect(res.status, path).toBe(200);
			expect(res.headers['content-type'], path).toMatch(/^text\/html/);
			expect(res.headers['content-encoding'], path).toBe('br');
			expect(res.headers['vary'], path).toMatch(/accept-encoding/i);
			expect(res.headers['cache-control'], path).toBe('no-cache');
			expect(decoded(res), path).toBe(shell);
		}
	});

	it('sends a file changed after the build as it now is, not its older compressed copies', async () => {
		const next = `${files['service-worker.js']}\n// build B`;
		const file = join(webDir, 'service-worker.js');
		writeFileSync(file, next);
		utimesSync(file, new Date(), new Date(Date.now() + 5_000));
		const res = await rawRequest(baseUrl + '/service-worker.js', { headers: { 'accept-encoding': BROWSER_ENCODINGS } });
		expect(res.headers['content-encoding']).toBeUndefined();
		expect(res.bytes.toString('utf8')).toBe(next);
		writeFileSync(file, files['service-worker.js']!);
		for (const ext of ['.br', '.gz']) utimesSync(`${file}${ext}`, new Date(), new Date(Date.now() + 10_000));
	});

	it('has the service worker and the manifest revalidated, so an update is seen at once', async () => {
		for (const path of ['/service-worker.js', '/manifest.webmanifest']) {
			const res = await rawRequest(baseUrl + path, { headers: { 'accept-encoding': BROWSER_ENCODINGS } });
			expect(res.status, path).toBe(200);
			expect(res.headers['cache-control'], path).toBe('no-cache');
			expect(decoded(res), path).toBe(files[path.slice(1)]);
		}
	});
});

describe('API answers', () => {
	let gw: Gateway;
	let admin: HttpClient;
	const cookieOf = (client: HttpClient) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

	beforeAll(async () => {
		gw = await startGateway(sqlite);
		admin = await gw.login('admin@demo.outpost.test');
	});
	afterAll(async () => {
		await gw.close();
	});

	it('gzips a large JSON answer (a first pull) to the same JSON, never stored', async () => {
		const sync = syncClient(admin);
		const body = JSON.stringify({ clientGroupID: sync.clientGroupID, clientID: sync.clientID, cookie: null });
		const send = (encodings?: string) =>
			rawRequest(gw.baseUrl + '/api/sync/pull', {
				method: 'POST',
				body,
				headers: {
					'content-type': 'application/json',
					cookie: cookieOf(admin),
					...(encodings ? { 'accept-encoding': encodings } : {})
				}
			});
		const plain = await send();
		const gzipped = await send(BROWSER_ENCODINGS);
		expect(plain.status).toBe(200);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.bytes.length).toBeGreaterThan(COMPRESS_JSON_ABOVE_BYTES);
		expect(gzipped.status).toBe(200);
		expect(gzipped.headers['content-encoding']).toBe('gzip');
		expect(gzipped.headers['content-length']).toBeUndefined();
		expect(gzipped.headers['vary']).toMatch(/accept-encoding/i);
		expect(gzipped.headers['cache-control']).toBe('no-store');
		expect(gzipped.bytes.length).toBeLessThan(plain.bytes.length / 2);
		expect(JSON.parse(decoded(gzipped))).toEqual(JSON.parse(plain.bytes.toString('utf8')));
	});

	it('sends a small JSON answer as it is', async () => {
		const res = await rawRequest(gw.baseUrl + '/api/health', { headers: { 'accept-encoding': BROWSER_ENCODINGS } });
		expect(res.headers['content-encoding']).toBeUndefined();
		expect(res.headers['vary']).toMatch(/accept-encoding/i);
		expect(res.headers['cache-control']).toBe('no-store');
		expect(JSON.parse(res.bytes.toString('utf8'))).toEqual({ ok: true, store: 'sqlite', sandbox: false });
	});

	it('gzips a large refusal too: errors are JSON like the rest', async () => {
		const res = await rawRequest(gw.baseUrl + `/api/${'x'.repeat(1500)}`, {
			headers: { 'accept-encoding': 'gzip' }
		});
		expect(res.status).toBe(404);
		expect(res.headers['content-encoding']).toBe('gzip');
		expect(JSON.parse(decoded(res)).error.code).toBe('not_found');
	});

	it('never compresses the poke stream: its first event arrives as plain text while the stream stays open', async () => {
		const abort = new AbortController();
		const first = await new Promise<{ headers: RawAnswer['headers']; text: string }>((resolve, reject) => {
			const req = request(
				`${gw.baseUrl}/api/sync/events`,
				{ headers: { cookie: cookieOf(admin), 'accept-encoding': BROWSER_ENCODINGS }, signal: abort.signal },
				(res) => {
					let text = '';
					res.setEncoding('utf8');
					res.on('data', (piece: string) => {
						text += piece;
						if (text.includes('\n\n')) resolve({ headers: res.headers, text });
					});
				}
			);
			req.on('error', (error) => {
				if (!abort.signal.aborted) reject(error);
			});
			req.end();
		});
		abort.abort();
		expect(first.headers['content-type']).toMatch(/^text\/event-stream/);
		expect(first.headers['content-encoding']).toBeUndefined();
		expect(first.text).toMatch(/^event: hello$/m);
	});
});

describe('reading Accept-Encoding', () => {
	it.each([
		['gzip, deflate, br', true],
		['br;q=1.0, gzip;q=0.8', true],
		['*', true],
		['gzip;q=0', false],
		['*;q=0.5, gzip;q=0', false],
		['br', false],
		['identity', false],
		[undefined, false]
	])('%s allows gzip: %s', (header, allowed) => {
		expect(acceptsGzip(header)).toBe(allowed);
	});
});

describe('a small JSON answer', () => {
	it('leaves as the handler built it, nothing read back or rebuilt, with Vary set', async () => {
		let built: Response | undefined;
		const app = new Hono().use(compressJson()).get('/small', (c) => (built = c.json({ ok: true })));
		const res = await app.request('http://localhost/small', { headers: { 'accept-encoding': BROWSER_ENCODINGS } });
		expect(res).toBe(built);
		expect(res.headers.get('content-encoding')).toBeNull();
		expect(res.headers.get('vary')).toBe('Accept-Encoding');
		expect(await res.json()).toEqual({ ok: true });
	});
});
