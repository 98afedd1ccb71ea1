import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './scripts/browser-path.mjs';

// The end-to-end suite runs the production build, served by the real gateway (its ahead-of-time
// bundle, rebuilt first so it never lags the sources) on a fresh SQLite file.
const port = Number(process.env.E2E_PORT ?? 8790);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'outpost-e2e-'));
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
	testDir: 'e2e',
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		launchOptions: {
			// CHROMIUM_PATH, Debian's chromium, or Playwright's own: scripts/ensure-browser.mjs finds or installs one.
			executablePath: findChromium()?.path,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
	webServer: {
		command: 'node scripts/build-gateway.mjs && node --enable-source-maps build-gateway/main.mjs',
		url: `http://localhost:${port}/api/health`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(port), DATA_DIR: dataDir, WEB_DIR: 'build', SANDBOX: 'on', HOST: '127.0.0.1' }
	}
});
