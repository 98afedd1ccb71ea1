// One gateway replica as production runs it: gateway/main.ts in a child process of its own (through
// tsx), on its own port, with the environment given. It can be killed (SIGKILL, nothing flushed) and
// started again on the same port, as a supervisor would restart a crashed process.

import type { ChildProcess } from 'node:child_process';
import { endProcess, freePort, spawnGateway } from '../../gateway/test/gateway-process.ts';

export { freePort };

export type Replica = {
	/** As HAProxy names it (gw1, gw2…). */
	readonly name: string;
	readonly port: number;
	readonly baseUrl: string;
	/** Whether its process is running. */
	readonly alive: boolean;
	/** Its process id while it runs. */
	readonly pid: number | undefined;
	/** Everything it printed since it last started. */
	readonly output: string;
	/** Ends the process at once: no shutdown handler runs, connections drop as they are. */
	kill(): Promise<void>;
	/** Starts it again on the same port and resolves once it serves. */
	start(): Promise<void>;
	/** SIGTERM (its graceful shutdown), then waits for the exit. */
	stop(): Promise<void>;
};

/**
 * `env` is the replica's whole environment besides PATH and PORT; `preload` modules run before the
 * gateway (node --import).
 */
export async function startReplica(
	name: string,
	env: Record<string, string>,
	preload: string[] = []
): Promise<Replica> {
	const port = await freePort();
	let child: ChildProcess | null = null;
	let output = () => '';

	async function start(): Promise<void> {
		child = null;
		output = () => '';
		const args = ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), 'gateway/main.ts'];
		const started = await spawnGateway(args, env, port).catch((error: Error) => {
			throw new Error(`Replica ${name} did not start: ${error.message}`);
		});
		({ child, output } = started);
	}

	async function end(signal: NodeJS.Signals): Promise<void> {
		if (child) await endProcess(child, signal);
	}

	await start();
	return {
		name,
		port,
		baseUrl: `http://127.0.0.1:${port}`,
		get alive() {
			return child !== null && child.exitCode === null && child.signalCode === null;
		},
		get output() {
			return output();
		},
		get pid() {
			return child?.pid;
		},
		kill: () => end('SIGKILL'),
		start,
		stop: () => end('SIGTERM')
	};
}
