// Whether this machine can run the scale-out suite: PostgreSQL answering (gateway/test/stores.ts
// decides, and fails CI when it is required) and HAProxy installed. Locally a missing piece skips the
// suite with a loud reason; with OUTPOST_REQUIRE_POSTGRES=1 (as .ci/run sets it) a missing HAProxy
// fails it, since .ci/run installs it.

import { STORE_KINDS } from '../../gateway/test/stores.ts';
import { haproxyProblem } from './load-balancer.ts';

function whyNot(): string | null {
	if (!STORE_KINDS.some((kind) => kind.name === 'postgres')) return 'PostgreSQL is unreachable';
	const problem = haproxyProblem();
	if (problem && process.env.OUTPOST_REQUIRE_POSTGRES === '1') {
		throw new Error(`The scale-out suite needs HAProxy (OUTPOST_REQUIRE_POSTGRES=1): ${problem}`);
	}
	return problem;
}

/** Why the suite cannot run here, or null when it can. */
export const SCALE_OUT_SKIPPED: string | null = whyNot();

if (SCALE_OUT_SKIPPED) {
	const rule = '!'.repeat(78);
	console.warn(`${rule}\n!!  SKIPPING the scale-out suite (integration/scale-out/): ${SCALE_OUT_SKIPPED}\n${rule}`);
}
