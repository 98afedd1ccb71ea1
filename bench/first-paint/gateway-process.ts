// Starts the real gateway as production does (its own process, a fresh data directory, the built
// PWA), either as the ahead-of-time bundle under plain node or through tsx, and reads its resident
// memory once it has started and sat idle.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEWAY_ENTRIES, startGatewayProcess as startEntry } from '../../gateway/test/gateway-process.ts';

export type GatewayProcess = { baseUrl: string; pid: number; stop(): Promise<void> };

/** Where `vite build` writes the PWA, which the gateway serves unless told otherwise. */
export const BUILT_WEB_DIR = 'build';

/** The gateway with `SANDBOX=off` (unless `env` says otherwise) on a fresh data directory, serving build/. */
export async function startGatewayProcess(
	how: keyof typeof GATEWAY_ENTRIES,
	env: Record<string, string> = {}
): Promise<GatewayProcess> {
	const dataDir = mkdtempSync(join(tmpdir(), 'outpost-bench-gateway-'));
	const gateway = await startEntry(GATEWAY_ENTRIES[how], {
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		WEB_DIR: BUILT_WEB_DIR,
		SANDBOX: 'off',
		...env
	}).catch((error: unknown) => {
		rmSync(dataDir, { recursive: true, force: true });
		throw error;
	});
	return {
		baseUrl: gateway.baseUrl,
		pid: gateway.child.pid!,
		async stop() {
			await gateway.stop();
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
export async function idleRss(how: keyof typeof GATEWAY_ENTRIES, idleMs: number): Promise<number> {
	const gateway = await startGatewayProcess(how);
	try {
		await new Promise((resolve) => setTimeout(resolve, idleMs));
		return residentMegabytes(gateway.pid);
	} finally {
		await gateway.stop();
	}
}
