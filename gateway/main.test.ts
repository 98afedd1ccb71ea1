// The Node entry as `node gateway/main.ts` runs it: a fresh start on an empty data directory, with
// nothing but the variables given (no SANDBOX, as a deployment that forgot it would start).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

type Started = { child: ChildProcess; output: string[]; baseUrl: string };

/** Starts the gateway and resolves once it says it is running. */
async function startMain(env: Record<string, string>): Promise<Started> {
	const port = await freePort();
	const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/main.ts'], {
		env: { PATH: process.env.PATH ?? '', WEB_DIR: '/nonexistent', PORT: String(port), ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output: string[] = [];
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`No start in 60 s:\n${output.join('')}`)), 60_000);
		const read = (chunk: Buffer) => {
			output.push(chunk.toString());
			if (output.join('').includes('Outpost is running')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', read);
		child.stderr!.on('data', read);
		child.on('exit', (code) => reject(new Error(`Exited with ${code}:\n${output.join('')}`)));
	});
	return { child, output, baseUrl: `http://127.0.0.1:${port}` };
}

async function stop(started: Started | undefined): Promise<void> {
	if (!started || started.child.exitCode !== null) return;
	await new Promise((resolve) => {
		started.child.on('exit', resolve);
		started.child.kill('SIGTERM');
	});
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('a fresh start with no settings', () => {
	let dir: string;
	let dataDir: string;
	let gateway: Started | undefined;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'outpost-main-'));
		dataDir = join(dir, 'data');
		gateway = await startMain({ DATA_DIR: dataDir, HOST: '127.0.0.1' });
	}, 90_000);
	afterAll(async () => {
		await stop(gateway);
		rmSync(dir, { recursive: true, force: true });
	});

	it('creates the data directory and every file in it readable by its owner only', () => {
		expect(mode(dataDir).toString(8)).toBe('700');
		for (const file of ['outpost.sqlite', 'outpost.sqlite-wal', 'outpost.sqlite-shm', 'credentials.key'])
			expect(mode(join(dataDir, file)).toString(8), file).toBe('600');
	});

	it('is not a sandbox: no demo accounts, no stand-in OpenID providers', async () => {
		const health = await (await fetch(`${gateway!.baseUrl}/api/health`)).json();
		expect(health).toEqual({ ok: true, store: 'sqlite', sandbox: false });
		const login = await fetch(`${gateway!.baseUrl}/api/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'admin@demo.outpost.test', password: 'outpost-demo' })
		});
		expect(login.status).toBe(401);
		const providers = await (await fetch(`${gateway!.baseUrl}/api/auth/oidc/providers`)).json();
		expect(providers).toEqual({ providers: [] });
		expect(gateway!.output.join('')).not.toContain('Sandbox');
	});
});
