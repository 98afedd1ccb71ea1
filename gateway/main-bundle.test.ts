// The gateway as production runs it: bundled ahead of time by scripts/build-gateway.mjs and started
// with plain node (no tsx), its native packages loaded from node_modules, serving a built PWA.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from './test/gateway-process.ts';
import { rawRequest } from './test/raw-request.ts';

const BUNDLE_DIR = `build-gateway/test-${process.pid}`;
const BUNDLE = `${BUNDLE_DIR}/main.mjs`;

describe('the bundled gateway under plain node', () => {
	const shell = `<!doctype html><title>Outpost</title>${'<p>shell</p>'.repeat(100)}`;
	let dir: string;
	let gateway: GatewayProcess | undefined;
	let baseUrl: string;

	beforeAll(async () => {
		execFileSync(process.execPath, ['scripts/build-gateway.mjs', `--outfile=${BUNDLE}`]);
		dir = mkdtempSync(join(tmpdir(), 'outpost-bundle-'));
		const webDir = join(dir, 'web');
		mkdirSync(webDir, { recursive: true });
		writeFileSync(join(webDir, '200.html'), shell);
		writeFileSync(join(webDir, '200.html.br'), brotliCompressSync(shell));
		writeFileSync(join(webDir, '200.html.gz'), gzipSync(shell));
		gateway = await startGatewayProcess(['--enable-source-maps', BUNDLE], {
			HOST: '127.0.0.1',
			DATA_DIR: join(dir, 'data'),
			WEB_DIR: webDir
		});
		baseUrl = gateway.baseUrl;
	}, 90_000);
	afterAll(async () => {
		await gateway?.stop();
		rmSync(BUNDLE_DIR, { recursive: true, force: true });
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('opens its SQLite store (a native package outside the bundle) and answers /api', async () => {
		const health = await rawRequest(`${baseUrl}/api/health`);
		expect(health.status).toBe(200);
		expect(health.headers['cache-control']).toBe('no-store');
		expect(JSON.parse(health.bytes.toString('utf8'))).toEqual({ ok: true, store: 'sqlite', sandbox: false });
	});

	it('serves the PWA shell as the build compressed it', async () => {
		const page = await rawRequest(`${baseUrl}/quotes`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
		expect(page.status).toBe(200);
		expect(page.headers['content-encoding']).toBe('br');
		expect(page.headers['cache-control']).toBe('no-cache');
		expect(brotliDecompressSync(page.bytes).toString('utf8')).toBe(shell);
	});
});
