// The Node entry as `node gateway/main.ts` runs it: a fresh start on an empty data directory, with
// nothing but the variables given (no SANDBOX, as a deployment that forgot it would start).

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_ENTRIES, startGatewayProcess, type GatewayProcess } from './test/gateway-process.ts';

/** Starts the gateway from its sources, as `node gateway/main.ts` runs it. */
const startMain = (env: Record<string, string>) =>
	startGatewayProcess(GATEWAY_ENTRIES.sources, { WEB_DIR: '/nonexistent', ...env });

const mode = (path: string) => statSync(path).mode & 0o777;

describe('a fresh start with no settings', () => {
	let dir: string;
	let dataDir: string;
	let gateway: GatewayProcess | undefined;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'outpost-main-'));
		dataDir = join(dir, 'data');
		gateway = await startMain({ DATA_DIR: dataDir, HOST: '127.0.0.1' });
	}, 90_000);
	afterAll(async () => {
		await gateway?.stop();
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
		expect(gateway!.output()).not.toContain('Sandbox');
	});
});
