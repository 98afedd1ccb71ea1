// Ingram Micro client failures as the runner's PsaFailure: the shared mapper (../common/failure.ts) with
// the procurement seed's texts, except that a 5xx (the daily maintenance window, §4.1) is worth a later
// retry here, not a person's attention: "the distributor API may be slow or temporarily unavailable".

import type { PsaFailure, RootCause } from '../../psa/provider.ts';
import { failureMapper, type ClientResult } from '../common/failure.ts';
import type { IngramFailure } from './client/failures.ts';

export { permanent } from '../common/failure.ts';

const shared = failureMapper<IngramFailure>();

export function toPsaFailure(failure: IngramFailure, rootCause?: RootCause): PsaFailure {
	if (failure.code === 'server_error') return { ok: false, kind: 'transient', message: failure.message };
	return shared.toPsaFailure(failure, rootCause);
}

export function lift<T>(result: ClientResult<T, IngramFailure>) {
	return result.ok ? result : toPsaFailure(result);
}
