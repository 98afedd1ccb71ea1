// npm start: builds the PWA and the gateway's bundle when either is missing or older than its
// sources, then runs the gateway with plain node, which serves the PWA and /api on one port (PORT,
// default 8787). It is the demo command: it asks for sandbox mode (SANDBOX=on, this machine only)
// unless SANDBOX is set; the gateway on its own starts without a sandbox.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_BUNDLE, GATEWAY_SOURCES, buildGateway } from './build-gateway.mjs';

const WEB_SOURCES = ['web', 'shared', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
const WEB_BUILT = join(process.env.WEB_DIR ?? 'build', '200.html');

function newestChange(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

const isStale = (built, sources) =>
	!existsSync(built) || Math.max(...sources.map(newestChange)) > statSync(built).mtimeMs;

if (isStale(WEB_BUILT, WEB_SOURCES)) {
	console.log('Building the Outpost PWA…');
	const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}
if (isStale(GATEWAY_BUNDLE, GATEWAY_SOURCES)) {
	console.log('Building the Outpost gateway…');
	await buildGateway();
}

const env = { ...process.env, SANDBOX: process.env.SANDBOX || 'on' };
if (!process.env.SANDBOX) console.log('Sandbox mode for the demo (SANDBOX=on); set SANDBOX=off to run without it.');
const gateway = spawn(process.execPath, ['--enable-source-maps', GATEWAY_BUNDLE], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => gateway.kill(signal));
gateway.on('exit', (code) => process.exit(code ?? 0));
