// The Hono environment of the Ingram Micro simulator: the socket (see ../../common/simulator/loopback.ts)
// and `body`, the request body the guard read once (JSON, or the token request's form fields).

import type { SocketBindings } from '../../common/simulator/loopback.ts';

export type SimEnv = { Bindings: SocketBindings; Variables: { body: unknown; endpoint: string } };
