// The gateway as production runs it: bundled ahead of time by scripts/build-gateway.mjs and started
// with plain node (no tsx), its native packages loaded from node_modules, serving a built PWA.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BUNDLE_DIR = `build-gateway/test-${process.pid}`;
const BUNDLE = `${BUNDLE_DIR}/main.mjs`;

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

function get(url: string, headers: Record<string, string> = {}) {
	return new Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
		request(url, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
		})
			.on('error', reject)
			.end();
	});
}

describe('the bundled gateway under plain node', () => {
	const shell = `<!doctype html><title>Outpost</title>${'<p>shell</p>'.repeat(100)}`;
	let dir: string;
	let child: ChildProcess;
	let baseUrl: string;

	beforeAll(async () => {
		execFileSync(process.execPath, ['scripts/build-gateway.mjs', `--outfile=${BUNDLE}`]);
		dir = mkdtempSync(join(tmpdir(), 'outpost-bundle-'));
		const webDir = join(dir, 'web');
		mkdirSync(webDir, { recursive: true });
		writeFileSync(join(webDir, '200.html'), shell);
		writeFileSync(join(webDir, '200.html.br'), brotliCompressSync(shell));
		writeFileSync(join(webDir, '200.html.gz'), gzipSync(shell));
		const port = await freePort();
		child = spawn(process.execPath, ['--enable-source-maps', BUNDLE], {
			env: {
				PATH: process.env.PATH ?? '',
				PORT: String(port),
				HOST: '127.0.0.1',
				DATA_DIR: join(dir, 'data'),
				WEB_DIR: webDir
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		await new Promise<void>((resolve, reject) => {
			const read = (chunk: Buffer) => {
				output += chunk.toString();
				if (output.includes('Outpost is running')) resolve();
			};
			child.stdout!.on('data', read);
			child.stderr!.on('data', read);
			child.on('exit', (code) => reject(new Error(`The bundle exited with ${code}:\n${output}`)));
		});
		baseUrl = `http://127.0.0.1:${port}`;
	}, 90_000);
	afterAll(async () => {
		if (child?.exitCode === null) {
			await new Promise((resolve) => {
				child.once('exit', resolve);
				child.kill('SIGTERM');
			});
		}
		rmSync(BUNDLE_DIR, { recursive: true, force: true });
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('opens its SQLite store (a native package outside the bundle) and answers /api', async () => {
		const health = await get(`${baseUrl}/api/health`);
		expect(health.status).toBe(200);
		expect(health.headers['cache-control']).toBe('no-store');
		expect(JSON.parse(health.bytes.toString('utf8'))).toEqual({ ok: true, store: 'sqlite', sandbox: false });
	});

	it('serves the PWA shell as the build compressed it', async () => {
		const page = await get(`${baseUrl}/quotes`, { 'accept-encoding': 'gzip, deflate, br' });
		expect(page.status).toBe(200);
		expect(page.headers['content-encoding']).toBe('br');
		expect(page.headers['cache-control']).toBe('no-cache');
		expect(brotliDecompressSync(page.bytes).toString('utf8')).toBe(shell);
	});
});
