// The faults the ConnectWise simulator plays: connection resets, 401s, 429s, 4xx/5xx with ConnectWise's
// error body, slow answers. ../common/fault-queue.ts queues and matches them.

import type { FaultQueue as CommonFaultQueue, FaultTarget } from '../../common/simulator/fault-queue.ts';

export type Fault =
	/** The socket is destroyed with no answer (fetch fails with ECONNRESET). */
	| { kind: 'connection_reset' }
	/** 401, as for revoked keys (§2.7). */
	| { kind: 'unauthorized' }
	/** 429 with Retry-After in seconds (§2.8), unless `retryAfterSeconds` is null. */
	| { kind: 'rate_limited'; retryAfterSeconds?: number | null }
	/** An `ErrorResponseMessage` body (§2.7), 400 unless told. */
	| {
			kind: 'error';
			status?: number;
			code?: string;
			message: string;
			errors?: { code: string; message: string; field?: string }[];
	  }
	/** Answer normally, after `ms` (on the simulator's injected sleep). */
	| { kind: 'delay'; ms: number };

export type FaultSpec = Fault & FaultTarget;
export type FaultQueue = CommonFaultQueue<Fault>;
