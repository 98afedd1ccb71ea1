// fast-check parameters shared by the security fuzzers: a few runs per case on SQLite, fewer on
// PostgreSQL, no shrinking (each run is real HTTP; the failing input is printed as found).
// FC_SEED=<seed> replays a failure; FC_NUM_RUNS=<n> runs more (a local soak).

import type fc from 'fast-check';
import type { TestStoreKind } from '../test/stores.ts';

export function fuzzParameters<T>(kind: TestStoreKind, runs: Record<string, number>): fc.Parameters<T> {
	const env = process.env;
	return {
		numRuns: env.FC_NUM_RUNS ? Number(env.FC_NUM_RUNS) : (runs[kind.name] ?? 2),
		...(env.FC_SEED ? { seed: Number(env.FC_SEED) } : {}),
		endOnFailure: true
	};
}

/** A value as it went over the wire, cut short for an assertion message. */
export function shown(text: string, max = 400): string {
	return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
