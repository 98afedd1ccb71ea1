// HAProxy in front of the replicas, configured from deploy/haproxy.cfg.template (the file operators
// use), in a child process of the test. Its runtime API (a unix socket) says which replicas it
// considers up, so a test can wait for the health checks rather than guess how long they take.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from './replica.ts';

export const HAPROXY = process.env.OUTPOST_HAPROXY ?? '/usr/sbin/haproxy';
const TEMPLATE = new URL('../../deploy/haproxy.cfg.template', import.meta.url);
const BACKEND = 'gateways';

export type LoadBalancer = {
	baseUrl: string;
	/** Each replica's state as HAProxy sees it now, by server name ('UP', 'DOWN', 'MAINT'…). */
	states(): Promise<Record<string, string>>;
	/** Resolves once HAProxy's health checks see exactly these servers up. */
	waitForUp(names: string[]): Promise<void>;
	close(): Promise<void>;
};

/** Why HAProxy cannot run here, or null when it can. */
export function haproxyProblem(): string | null {
	const probe = spawnSync(HAPROXY, ['-v'], { encoding: 'utf8' });
	if (probe.error) return `${HAPROXY} cannot run (${probe.error.message}); install Debian's haproxy package`;
	return probe.status === 0 ? null : `${HAPROXY} -v exited with ${probe.status}`;
}

/**
 * The template with every {{PLACEHOLDER}} replaced. A placeholder without a value, or a value no
 * placeholder asks for, throws.
 */
export function renderConfig(template: string, values: Record<string, string>): string {
	const used = new Set<string>();
	const rendered = template.replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => {
		const value = values[key];
		if (value === undefined) throw new Error(`deploy/haproxy.cfg.template: no value for {{${key}}}`);
		used.add(key);
		return value;
	});
	const unused = Object.keys(values).filter((key) => !used.has(key));
	if (unused.length) throw new Error(`deploy/haproxy.cfg.template has no {{${unused.join('}}, {{')}}}`);
	return rendered;
}

export async function startLoadBalancer(dir: string, servers: { name: string; port: number }[]): Promise<LoadBalancer> {
	const port = await freePort();
	const socket = join(dir, 'haproxy.sock');
	const config = join(dir, 'haproxy.cfg');
	writeFileSync(
		config,
		renderConfig(readFileSync(TEMPLATE, 'utf8'), {
			LISTEN: `127.0.0.1:${port}`,
			ADMIN_SOCKET: socket,
			CHECK_INTER: '200ms',
			SERVERS: servers.map((s) => `\tserver ${s.name} 127.0.0.1:${s.port} check`).join('\n')
		})
	);
	let output = '';
	const child: ChildProcess = spawn(HAPROXY, ['-f', config, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

	const ask = (command: string) => runtimeApi(socket, command);
	async function states(): Promise<Record<string, string>> {
		// "show stat" is CSV: pxname,svname,…,status (the 18th column).
		const lines = (await ask('show stat')).split('\n').filter((line) => line.startsWith(`${BACKEND},`));
		return Object.fromEntries(
			lines.map((line) => line.split(',')).flatMap((cols) => (cols[1] === 'BACKEND' ? [] : [[cols[1], cols[17]]]))
		);
	}

	const balancer: LoadBalancer = {
		baseUrl: `http://127.0.0.1:${port}`,
		states,
		async waitForUp(names) {
			const wanted = [...names].sort().join(',');
			for (let tries = 0; ; tries++) {
				if (child.exitCode !== null) throw new Error(`HAProxy exited:\n${output}`);
				const now = await states().catch(() => ({}) as Record<string, string>);
				const up = Object.keys(now)
					.filter((name) => now[name] === 'UP')
					.sort()
					.join(',');
				if (up === wanted) return;
				if (tries > 300) throw new Error(`HAProxy sees ${JSON.stringify(now)}, not ${wanted} up:\n${output}`);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		},
		async close() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
	try {
		await balancer.waitForUp(servers.map((s) => s.name));
	} catch (error) {
		await balancer.close();
		throw error;
	}
	return balancer;
}

function runtimeApi(path: string, command: string): Promise<string> {
	return new Promise((resolve, reject) => {
		let answer = '';
		const socket = connect(path, () => socket.end(`${command}\n`));
		socket.on('data', (chunk) => (answer += chunk.toString()));
		socket.on('end', () => resolve(answer));
		socket.on('error', reject);
	});
}
