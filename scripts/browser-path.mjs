// Which Chromium the end-to-end specs drive: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium,
// else Playwright's own download (npx playwright install chromium). Shared by playwright.config.ts
// and scripts/ensure-browser.mjs so that both always agree.

import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The first candidate that exists, with where it came from; null when there is none. */
export function findChromium(env = process.env) {
	if (env.CHROMIUM_PATH)
		return existsSync(env.CHROMIUM_PATH) ? { path: env.CHROMIUM_PATH, from: 'CHROMIUM_PATH' } : null;
	if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, from: "Debian's chromium package" };
	const playwrights = chromium.executablePath();
	if (existsSync(playwrights)) return { path: playwrights, from: "Playwright's download" };
	return null;
}
