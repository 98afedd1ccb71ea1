// One gateway replica as production runs it: gateway/main.ts in a child process of its own (through
// tsx), on its own port, with the environment given. It can be killed (SIGKILL, nothing flushed) and
// started again on the same port, as a supervisor would restart a crashed process.

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

const START_DEADLINE_MS = 60_000;

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

export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

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
	let output = '';

	async function start(): Promise<void> {
		output = '';
		const args = ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), 'gateway/main.ts'];
		const started = spawn(process.execPath, args, {
			env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child = started;
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => fail(`did not start in ${START_DEADLINE_MS / 1000} s`), START_DEADLINE_MS);
			function fail(why: string) {
				clearTimeout(timer);
				reject(new Error(`Replica ${name} ${why}:\n${output}`));
			}
			const read = (chunk: Buffer) => {
				output += chunk.toString();
				if (output.includes('Outpost is running')) {
					clearTimeout(timer);
					resolve();
				}
			};
			started.stdout!.on('data', read);
			started.stderr!.on('data', read);
			started.once('exit', (code, signal) => fail(`exited (${signal ?? code})`));
		});
	}

	async function end(signal: NodeJS.Signals): Promise<void> {
		const running = child;
		if (!running || running.exitCode !== null || running.signalCode !== null) return;
		await new Promise<void>((resolve) => {
			running.once('exit', () => resolve());
			running.kill(signal);
		});
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
			return output;
		},
		get pid() {
			return child?.pid;
		},
		kill: () => end('SIGKILL'),
		start,
		stop: () => end('SIGTERM')
	};
}
