// Which process holds one end of a loopback TCP connection, read from Linux's /proc: the connection
// is found by its client port in /proc/net/tcp (and tcp6), its socket inode among each candidate's
// open files. Lets a test tell which replica sent a request it is holding.

import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** The socket inode of the connection whose local (client) port is `port`, or null. */
function inodeOfLocalPort(port: number): string | null {
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text: string;
		try {
			text = readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const cols = line.trim().split(/\s+/);
			const local = cols[1];
			if (local && parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port) return cols[9] ?? null;
		}
	}
	return null;
}

/** The pid among `pids` whose open files include the client end of the connection from `port`. */
export function processOfClientPort(port: number, pids: number[]): number | undefined {
	const inode = inodeOfLocalPort(port);
	if (!inode) return undefined;
	const wanted = `socket:[${inode}]`;
	return pids.find((pid) => {
		try {
			return readdirSync(`/proc/${pid}/fd`).some((fd) => {
				try {
					return readlinkSync(`/proc/${pid}/fd/${fd}`) === wanted;
				} catch {
					return false;
				}
			});
		} catch {
			return false;
		}
	});
}
