// Builds what production serves from the current sources: the PWA (`vite build`, with its brotli and
// gzip copies) and the gateway's bundle (`scripts/build-gateway.mjs`).

import { spawnSync } from 'node:child_process';

function run(command: string, args: string[]): void {
	const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

export function buildApp(): void {
	run('npx', ['vite', 'build', '--logLevel', 'error']);
	run(process.execPath, ['scripts/build-gateway.mjs']);
}
