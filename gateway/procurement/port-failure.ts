// A distributor failure as the procurement queue shows it (seed 002), whatever the distributor: the
// runner's kind (retry or not), the seed's words, and the fix they name. Pure.

import type { OrderFailure } from '../../shared/schema/purchase-order-entities.ts';
import type { PsaFailure } from '../psa/provider.ts';
import type { PortFailure } from './order-port.ts';

/** Seed 002, "Order stuck in Processing". */
export const TEMPORARILY_UNAVAILABLE =
	'Order stuck in Processing: the distributor API may be slow or temporarily unavailable. Check the error details and retry.';

export function asPortFailure(mapped: PsaFailure, failure: OrderFailure, message = mapped.message): PortFailure {
	return { ...mapped, message, failure };
}

/** What any reset, timeout, 5xx or 429 becomes: retried by the runner, then shown with its details. */
export function temporarily(mapped: PsaFailure): PortFailure {
	return asPortFailure(mapped, 'temporarily_unavailable', `${TEMPORARILY_UNAVAILABLE} Details: ${mapped.message}`);
}

/** Refused credentials of either kind are fixed at Admin › Distributors: one root cause per distributor. */
export function credentialsFailure(message: string, failure: OrderFailure): PortFailure {
	return { ok: false, kind: 'permanent', message, failure, rootCause: { kind: 'credentials' }, health: 'auth_failed' };
}
