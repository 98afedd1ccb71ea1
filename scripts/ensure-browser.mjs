// Runs before the end-to-end specs: finds a Chromium for Playwright or installs one, and says which.
// Order: CHROMIUM_PATH; Debian's /usr/bin/chromium; as root with apt-get, Debian's chromium package;
// otherwise Playwright's own download. playwright.config.ts picks the same browser (browser-path.mjs).

import { spawnSync } from 'node:child_process';
import { findChromium } from './browser-path.mjs';

const say = (message) => console.log(`[ensure-browser] ${message}`);
const run = (command, args, env = process.env) => spawnSync(command, args, { stdio: 'inherit', env }).status === 0;

function done(found, action) {
	say(`${action}: end-to-end specs use ${found.path} (${found.from}).`);
	process.exit(0);
}

let found = findChromium();
if (process.env.CHROMIUM_PATH && !found) {
	say(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist. Fix it or unset it.`);
	process.exit(1);
}
if (found) done(found, 'Found Chromium');

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
	say("No Chromium found; installing Debian's chromium package (apt-get update && apt-get install chromium)…");
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	if (run('apt-get', ['update', '-qq'], env) && run('apt-get', ['install', '-y', '-qq', 'chromium'], env)) {
		found = findChromium();
		if (found) done(found, "Installed Debian's chromium");
	}
	say("Installing Debian's chromium failed; trying Playwright's own download instead.");
} else {
	say(
		`No Chromium found and ${isRoot ? 'no apt-get' : 'not root'}, so not using apt; trying Playwright's own download (npx playwright install chromium)…`
	);
}

if (run('npx', ['playwright', 'install', 'chromium'])) {
	found = findChromium();
	if (found) done(found, "Installed Playwright's Chromium");
}
say(
	'No browser for the end-to-end specs. Install one: `sudo apt-get install chromium` (Debian), or ' +
		'`npx playwright install --with-deps chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.'
);
process.exit(1);
