// The faults the Autotask simulator plays: connection resets, 401s, 429s, 500s with an errors body,
// slow answers, an exceeded threshold. ../common/fault-queue.ts queues and matches them.

import type { FaultQueue as CommonFaultQueue, FaultTarget } from '../../common/simulator/fault-queue.ts';

export type Fault =
	/** The socket is reset with no answer (fetch fails with ECONNRESET). */
	| { kind: 'connection_reset' }
	/** 401, as for a wrong secret (§1.2). */
	| { kind: 'unauthorized' }
	/** 429 with Retry-After. */
	| { kind: 'rate_limited'; retryAfterSeconds?: number }
	/** An Autotask-style `{ "errors": [...] }` body, 500 unless told. */
	| { kind: 'errors'; messages: string[]; status?: number }
	/** Answer normally, after `ms` (on the simulator's injected sleep). */
	| { kind: 'delay'; ms: number }
	/** The hourly request threshold answer (§1.8), as if the tenant were over it. */
	| { kind: 'threshold_exceeded' };

export type FaultSpec = Fault & FaultTarget;
export type FaultQueue = CommonFaultQueue<Fault>;
