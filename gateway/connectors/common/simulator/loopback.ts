// What every simulator needs to be reachable: its own loopback port (listen, close), an in-process
// fetch, and a connection reset that works on both. Knows nothing of any PSA's routes or wire shapes.

import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serve } from '@hono/node-server';
import type { Context } from 'hono';

/** When served by @hono/node-server the raw socket is there, so a reset can really reset it. */
export type SocketBindings = { incoming?: { socket?: Socket } };

/** Marks an in-process answer that stands for a reset socket; the in-process fetch turns it into a TypeError. */
export const RESET_HEADER = 'x-simulator-fault';

type FetchHandler = (request: Request) => Response | Promise<Response>;

/** Resets the socket when there is one; in-process, answers the marker `inProcessFetch` rejects on. */
export function resetConnection<E extends { Bindings: SocketBindings }>(c: Context<E>): Response {
	const socket = c.env?.incoming?.socket;
	if (socket) {
		socket.resetAndDestroy();
		return c.body(null, 500);
	}
	return c.body(null, 500, { [RESET_HEADER]: 'connection-reset' });
}

/** A fetch with no socket: a connection-reset fault rejects with fetch's TypeError, as undici's does. */
export function inProcessFetch(app: { fetch: FetchHandler }) {
	return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
		const response = await app.fetch(new Request(input, init));
		if (response.headers.get(RESET_HEADER) === 'connection-reset') {
			throw new TypeError('fetch failed', {
				cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })
			});
		}
		return response;
	};
}

export type LoopbackServer = {
	/** Serves on loopback (port 0 picks a free one) and answers the origin, `http://127.0.0.1:port`. */
	listen(options?: { port?: number; hostname?: string }): Promise<string>;
	/** Stops serving and drops open connections; a no-op when not listening. */
	close(): Promise<void>;
};

export function createLoopbackServer(name: string, fetch: FetchHandler): LoopbackServer {
	let server: Server | null = null;
	return {
		async listen(options = {}) {
			if (server) throw new Error(`The ${name} simulator is already listening.`);
			const hostname = options.hostname ?? '127.0.0.1';
			const started = await new Promise<Server>((resolve) => {
				const s = serve({ fetch, port: options.port ?? 0, hostname }, () => resolve(s as Server));
			});
			server = started;
			return `http://${hostname}:${(started.address() as AddressInfo).port}`;
		},
		async close() {
			const running = server;
			server = null;
			if (!running) return;
			await new Promise<void>((resolve) => {
				running.close(() => resolve());
				running.closeAllConnections();
			});
		}
	};
}
