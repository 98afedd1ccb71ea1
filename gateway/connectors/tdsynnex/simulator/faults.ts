// The faults the TD SYNNEX simulator plays on the next matching requests (../../common/simulator/
// fault-queue.ts queues and matches them; `path` is `/SynnexXML/PO`, `/SynnexXML/POStatus` or
// `/SynnexXML/PriceAvailability`).

import type { FaultQueue as CommonFaultQueue, FaultTarget } from '../../common/simulator/fault-queue.ts';

export type Fault =
	/** The socket is reset before the request is read: nothing happened at TD SYNNEX. */
	| { kind: 'connection_reset' }
	/** The request is carried out, then the socket is reset: the answer is lost (a crash mid-request). */
	| { kind: 'reset_after' }
	/** The login is refused, as for a changed password. */
	| { kind: 'bad_credentials' }
	/** The seed's `Invalid customer number`. */
	| { kind: 'invalid_customer_number' }
	/** A 503 maintenance page, with Retry-After when given. */
	| { kind: 'maintenance'; retryAfterSeconds?: number }
	/** Answer normally, after `ms`. */
	| { kind: 'delay'; ms: number }
	/** The PO is accepted and then stays in Processing: it never ships until released. */
	| { kind: 'stays_processing' }
	/** The PO is accepted with every line backordered, whatever the stock. */
	| { kind: 'backorder' };

export type FaultSpec = Fault & FaultTarget;
export type FaultQueue = CommonFaultQueue<Fault>;
