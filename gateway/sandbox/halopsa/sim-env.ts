// The Hono environment of the simulator: when served by @hono/node-server the raw socket is there, so
// a connection reset can really reset it; in-process calls have no socket. `body` is the request body
// the guard read once (JSON, or the token request's form fields).

import type { Socket } from 'node:net';

export type SimEnv = { Bindings: { incoming?: { socket?: Socket } }; Variables: { body: unknown } };

/** Marks an in-process answer that stands for a reset socket; the in-process fetch turns it into a TypeError. */
export const RESET_HEADER = 'x-halo-simulator-fault';
