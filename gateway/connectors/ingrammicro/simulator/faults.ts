// The faults the Ingram Micro simulator plays for the next matching requests (../../common/simulator/
// fault-queue.ts queues and matches them). Standing conditions (a maintenance window, revoked tokens,
// stock, discontinued products, orders that stay in Processing) are set through the control instead.

import type { FaultQueue as CommonFaultQueue, FaultTarget } from '../../common/simulator/fault-queue.ts';

export type Fault =
	/** The socket is reset with no answer. `after`: the request is carried out first (the answer is lost). */
	| { kind: 'connection_reset'; after?: boolean }
	/** 401, as for a token Ingram no longer accepts (expired early). */
	| { kind: 'token_expired' }
	/** The gateway's fault for a customer number that does not match the app (§4.3). */
	| { kind: 'invalid_customer_number' }
	/** 429 with §4.5's body and X-RateLimit-* saying the window resets in `resetSeconds` (default 30). */
	| { kind: 'rate_limited'; resetSeconds?: number }
	/** A 5xx: 503 with a maintenance fault unless told otherwise. */
	| { kind: 'server_error'; status?: number; faultstring?: string }
	/** Answer normally, after `ms` (on the simulator's injected sleep). */
	| { kind: 'delay'; ms: number };

export type FaultSpec = Fault & FaultTarget;
export type FaultQueue = CommonFaultQueue<Fault>;
