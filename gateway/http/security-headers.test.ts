// The headers reach every response createApp gives, the PWA that main.ts mounts on it included.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { mountWeb } from '../platform/serve-web.ts';
import { TEST_PASSWORDS } from '../test/http-harness.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';

const sqlite = STORE_KINDS.find((k) => k.name === 'sqlite')!;

describe('security headers', () => {
	let opened: TestStore | undefined;
	let webDir: string | undefined;
	afterEach(async () => {
		await opened?.close();
		if (webDir) rmSync(webDir, { recursive: true, force: true });
		opened = webDir = undefined;
	});

	async function appServing(publicUrl?: string) {
		opened = await sqlite.open();
		const { app } = await createApp({ store: opened.store, passwords: TEST_PASSWORDS, log: () => {}, publicUrl });
		webDir = mkdtempSync(join(tmpdir(), 'outpost-web-'));
		writeFileSync(join(webDir, '200.html'), '<!doctype html><title>Outpost</title>');
		writeFileSync(join(webDir, 'manifest.webmanifest'), '{}');
		expect(await mountWeb(app, webDir)).toBe(true);
		return app;
	}

	it('every response, the PWA’s included, says what a browser may do with it', async () => {
		const app = await appServing();
		for (const path of ['/api/health', '/api/nowhere', '/', '/quotes', '/manifest.webmanifest']) {
			const res = await app.request(`http://localhost:8787${path}`);
			const csp = res.headers.get('content-security-policy');
			expect(csp, path).toContain("frame-ancestors 'none'");
			expect(csp, path).toContain("default-src 'self'");
			expect(csp, path).toContain("object-src 'none'");
			expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(res.headers.get('x-frame-options'), path).toBe('DENY');
			expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
			expect(res.headers.get('strict-transport-security'), path).toBeNull();
			expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
		}
	});

	// With both COOP and an explicit Origin-Agent-Cluster, Chromium reused none of the app's compiled
	// scripts from one navigation to the next, so every start compiled the whole app again.
	it('leaves origin-keyed agent clusters to the browser default, so compiled scripts are reused', async () => {
		const app = await appServing();
		for (const path of ['/', '/quotes', '/api/health']) {
			const res = await app.request(`http://localhost:8787${path}`);
			expect(res.headers.get('origin-agent-cluster'), path).toBeNull();
		}
	});

	it('pins https only when the public URL is https', async () => {
		const app = await appServing('https://outpost.example.com');
		const res = await app.request('https://outpost.example.com/quotes');
		expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
	});
});
