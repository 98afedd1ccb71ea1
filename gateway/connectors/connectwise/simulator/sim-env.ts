// The Hono environment of the ConnectWise simulator (the socket, see ../common/loopback.ts) and
// ConnectWise's error body.

import type { SocketBindings } from '../../common/simulator/loopback.ts';

export type SimEnv = { Bindings: SocketBindings };

export type ErrorItem = { code: string; message: string; resource?: string; field?: string };

/** §2.7 ErrorResponseMessage. */
export function errorBody(code: string, message: string, errors: ErrorItem[] | null = null) {
	return { code, message, errors };
}
