// The faults the HaloPSA simulator plays: connection resets, 401s, 429s, 400/500 with a Halo error body,
// slow answers. ../common/fault-queue.ts queues and matches them.

import type { FaultQueue as CommonFaultQueue, FaultTarget } from '../../common/simulator/fault-queue.ts';

export type Fault =
	/** The socket is reset with no answer (fetch fails with ECONNRESET). */
	| { kind: 'connection_reset' }
	/** 401 with no body, as for a token Halo no longer accepts. */
	| { kind: 'unauthorized' }
	/** 429 with Halo's text (§3.8 [3P]); Retry-After in seconds, or none when null. */
	| { kind: 'rate_limited'; retryAfterSeconds?: number | null }
	/** An error answer: 400 with a model-state body unless told (§3.7), or any status and body given. */
	| { kind: 'error'; status?: number; body?: unknown }
	/** Answer normally, after `ms` (on the simulator's injected sleep). */
	| { kind: 'delay'; ms: number };

export type FaultSpec = Fault & FaultTarget;
export type FaultQueue = CommonFaultQueue<Fault>;
