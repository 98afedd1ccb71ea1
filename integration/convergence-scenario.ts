// One scenario of the sync convergence property (who syncs, how, and what they do) and how it is
// played: against any gateway the world can start, one process or replicas behind a load balancer.

import fc from 'fast-check';
import { checkInvariants, readInitialState } from './convergence-checks.ts';
import { openWorld, type World, type WorldOptions } from './convergence-world.ts';
import { actionArb, type Action } from './random-mutations.ts';

export const SALES = 'sales@demo.outpost.test';
export const BUYER = 'buyer@demo.outpost.test';
export const ADMIN = 'admin@demo.outpost.test';
/** Sees only Acme's quotes and may not write: partial replication must converge too. */
export const CUSTOMER = 'customer@acme.outpost.test';

const MAX_DEVICES = 4;

export type Scenario = { users: string[]; pullPageSize: number; concurrent: boolean; actions: Action[] };

export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
	users: fc
		.tuple(
			fc.constantFrom<string[]>([SALES, BUYER], [SALES, ADMIN], [BUYER, ADMIN], [SALES, BUYER, ADMIN]),
			fc.boolean()
		)
		.map(([editors, withCustomer]) => (withCustomer ? [...editors, CUSTOMER] : editors)),
	pullPageSize: fc.integer({ min: 3, max: 40 }),
	concurrent: fc.oneof({ arbitrary: fc.constant(false), weight: 2 }, { arbitrary: fc.constant(true), weight: 1 }),
	actions: fc.array(actionArb(MAX_DEVICES), { minLength: 5, maxLength: 30, size: 'max' })
});

/**
 * Plays one scenario against the gateway `gateway` starts and checks every invariant; `inspect` sees
 * the world before it closes.
 */
export async function playScenario(
	gateway: WorldOptions['gateway'],
	{ actions, ...options }: Scenario,
	inspect?: (world: World) => void | Promise<void>
): Promise<void> {
	const world = await openWorld({ gateway, ...options });
	try {
		const initial = await readInitialState(world);
		await world.start();
		for (const action of actions) await world.run(action);
		await world.quiesce();
		await checkInvariants(world, initial);
		await inspect?.(world);
		if (process.env.FC_VERBOSE)
			console.log(JSON.stringify({ actions: actions.length, ...options, ...world.stats, restarts: world.restarts }));
	} finally {
		await world.close();
	}
}

/** fast-check's parameters: `runs` from a new random seed, or FC_NUM_RUNS, FC_SEED and FC_PATH to replay or soak. */
export function fcParameters(runs: number): fc.Parameters<[Scenario]> {
	const env = process.env;
	return {
		numRuns: env.FC_NUM_RUNS ? Number(env.FC_NUM_RUNS) : runs,
		...(env.FC_SEED ? { seed: Number(env.FC_SEED) } : {}),
		...(env.FC_PATH ? { path: env.FC_PATH } : {}),
		// Shrinking replays whole runs; past this the smallest failure found so far is reported.
		interruptAfterTimeLimit: 150_000
	};
}
