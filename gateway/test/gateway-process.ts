// The Node entry in a process of its own, as an operator starts it: through tsx from the sources,
// or as the bundle scripts/build-gateway.mjs writes. Resolves once the gateway says it is running.

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

export const GATEWAY_ENTRIES = {
	sources: ['--import', 'tsx', 'gateway/main.ts'],
	bundle: ['--enable-source-maps', 'build-gateway/main.mjs']
} as const;

export type GatewayProcess = {
	child: ChildProcess;
	/** What it printed, stdout and stderr together. */
	output(): string;
	baseUrl: string;
	stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** Spawns `node <args>` with nothing but PATH, `env` and PORT, resolving once the gateway says it is running. */
export async function spawnGateway(
	args: readonly string[],
	env: Record<string, string>,
	port: number
): Promise<{ child: ChildProcess; output(): string }> {
	const child = spawn(process.execPath, [...args], {
		env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`No start in 60 s:\n${output}`)), 60_000);
		const read = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('Outpost is running')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', read);
		child.stderr!.on('data', read);
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			reject(new Error(`Exited with ${signal ?? code}:\n${output}`));
		});
	});
	return { child, output: () => output };
}

/** Ends the process with `signal` and waits for it; nothing when it has already ended. */
export async function endProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	await new Promise((resolve) => {
		child.once('exit', resolve);
		child.kill(signal);
	});
}

/** Starts `node <entry>` on `env.PORT`, or a free port, so no setting leaks in from the caller. */
export async function startGatewayProcess(
	entry: readonly string[],
	env: Record<string, string>
): Promise<GatewayProcess> {
	const port = env.PORT ? Number(env.PORT) : await freePort();
	const { child, output } = await spawnGateway(entry, env, port);
	return {
		child,
		output,
		baseUrl: `http://127.0.0.1:${port}`,
		stop: () => endProcess(child, 'SIGTERM')
	};
}
