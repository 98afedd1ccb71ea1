// The sync convergence property (integration/sync-convergence.property.test.ts) through HAProxy: the
// same random scenarios, faults and checks, with three gateway replicas on one PostgreSQL database in
// place of one gateway process. Each run gets a fleet of its own (a fresh database); a gateway
// restart kills one replica with SIGKILL while the other two keep serving (fleet-gateway.ts). The
// replicas' clocks stand still (still-clock.ts), so the model replay checks every row. Pull pages
// keep the replicas' own size.

import fc from 'fast-check';
import { describe, it } from 'vitest';
import { fcParameters, playScenario, scenarioArb } from '../convergence-scenario.ts';
import { EVERY_FAULT, expectEveryFaultMet } from '../every-fault-scenario.ts';
import { startFleetGateway } from './fleet-gateway.ts';
import { SCALE_OUT_SKIPPED } from './scale-out-ready.ts';

/** Each run starts three processes and HAProxy; a few runs keep the suite near a minute. */
const RUNS = 3;

describe.skipIf(SCALE_OUT_SKIPPED)('sync convergence through HAProxy and three replicas', () => {
	it('every device converges; nothing lost, nothing applied twice, nothing goes back', async () => {
		await fc.assert(
			fc.asyncProperty(scenarioArb, (scenario) => playScenario(() => startFleetGateway(3), scenario)),
			fcParameters(RUNS)
		);
	}, 170_000);

	it('a fixed sequence meets every fault, replicas killed (one mid-request), each rejection, an ACL reset', async () => {
		await playScenario(() => startFleetGateway(3), EVERY_FAULT, expectEveryFaultMet);
	}, 90_000);
});
