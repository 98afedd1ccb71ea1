// Starts the real gateway as production does (its own process, a fresh data directory, the built
// PWA), either as the ahead-of-time bundle under plain node or through tsx, and reads its resident
// memory once it has started and sat idle.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GATEWAY_COMMANDS = {
	bundle: ['--enable-source-maps', 'build-gateway/main.mjs'],
	tsx: ['--import', 'tsx', 'gateway/main.ts']
} as const;

export type GatewayProcess = { baseUrl: string; pid: number; stop(): Promise<void> };

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

export async function startGatewayProcess(how: keyof typeof GATEWAY_COMMANDS): Promise<GatewayProcess> {
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'outpost-bench-gateway-'));
	const child: ChildProcess = spawn(process.execPath, [...GATEWAY_COMMANDS[how]], {
		env: {
			PATH: process.env.PATH ?? '',
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			WEB_DIR: 'build',
			SANDBOX: 'off'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`The gateway (${how}) did not start in 60 s:\n${output}`)), 60_000);
		const read = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('Outpost is running')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', read);
		child.stderr!.on('data', read);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`The gateway (${how}) exited with ${code}:\n${output}`));
		});
	});
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		pid: child.pid!,
		async stop() {
			if (child.exitCode === null) {
				await new Promise((resolve) => {
					child.once('exit', resolve);
					child.kill('SIGTERM');
				});
			}
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** Resident memory of a process, in MB (Linux). */
export function residentMegabytes(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
	if (!Number.isFinite(kb)) throw new Error(`No VmRSS for process ${pid}`);
	return kb / 1024;
}

/** Starts the gateway, lets it sit idle for `idleMs`, reads its RSS and stops it. */
export async function idleRss(how: keyof typeof GATEWAY_COMMANDS, idleMs: number): Promise<number> {
	const gateway = await startGatewayProcess(how);
	try {
		await new Promise((resolve) => setTimeout(resolve, idleMs));
		return residentMegabytes(gateway.pid);
	} finally {
		await gateway.stop();
	}
}
