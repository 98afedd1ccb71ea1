// The Hono environment of the simulator, ConnectWise's error body, and the marker an in-process
// answer carries when it stands for a reset socket.

import type { Socket } from 'node:net';

export type SimEnv = { Bindings: { incoming?: { socket?: Socket } } };

export const RESET_HEADER = 'x-connectwise-simulator-fault';

export type ErrorItem = { code: string; message: string; resource?: string; field?: string };

/** §2.7 ErrorResponseMessage. */
export function errorBody(code: string, message: string, errors: ErrorItem[] | null = null) {
	return { code, message, errors };
}
