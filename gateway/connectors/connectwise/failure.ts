// ConnectWise client failures as the runner's PsaFailure: the shared mapper (../common/failure.ts) with
// the seeds' fixed texts for a 401 and a 429.

import { CONNECTWISE_MESSAGES, type ConnectwiseFailure } from './client/failures.ts';
import { failureMapper } from '../common/failure.ts';

export { permanent, stopsTheRun } from '../common/failure.ts';

export const { toPsaFailure, lift } = failureMapper<ConnectwiseFailure>({
	auth_failed: CONNECTWISE_MESSAGES.authentication,
	rate_limited: CONNECTWISE_MESSAGES.rateLimited
});
