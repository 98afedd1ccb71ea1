// The Hono environment of the Autotask simulator (the socket, see ../common/loopback.ts) and its
// `{ "errors": [...] }` error body.

import type { SocketBindings } from '../../common/simulator/loopback.ts';

export type SimEnv = { Bindings: SocketBindings };

export function errorsBody(messages: string[]): { errors: string[] } {
	return { errors: messages };
}
