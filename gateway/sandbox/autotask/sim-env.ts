// The Hono environment of the simulator: when served by @hono/node-server the raw socket is there,
// so a connection reset can really reset it; in-process calls have no socket.

import type { Socket } from 'node:net';

export type SimEnv = { Bindings: { incoming?: { socket?: Socket } } };

/** Marks an in-process answer that stands for a reset socket; the in-process fetch turns it into a TypeError. */
export const RESET_HEADER = 'x-autotask-simulator-fault';

export function errorsBody(messages: string[]): { errors: string[] } {
	return { errors: messages };
}
