// fetch for PSA requests: each waits for the tenant's rate budget, holds an in-flight slot for its
// endpoint while it runs, and gives it back however it ends. A budget that stays spent for longer
// than a short wait ends the job's run with BudgetExhausted, so the runner reschedules it instead.

import type { FetchLike } from '../psa/provider.ts';
import type { BudgetLimits, RateBudget } from './rate-budget.ts';

export class BudgetExhausted extends Error {
	constructor(readonly retryInMs: number) {
		super(`The PSA's hourly request budget is spent; trying again in ${Math.ceil(retryInMs / 1000)} s.`);
	}
}

export type BudgetedFetchOptions = {
	budget: RateBudget;
	key: string;
	limits: BudgetLimits;
	/** The endpoint a request counts against (Autotask: the entity). */
	endpointOf(url: URL): string;
	fetch: FetchLike;
	sleep(ms: number): Promise<void>;
	/** Longest a request waits in line for the hourly budget before the job is rescheduled instead. */
	maxWaitMs?: number;
};

export function budgetedFetch(opts: BudgetedFetchOptions): FetchLike {
	const maxWaitMs = opts.maxWaitMs ?? 5_000;
	return async (input, init) => {
		const endpoint = opts.endpointOf(new URL(input));
		for (;;) {
			const admission = await opts.budget.admit(opts.key, endpoint, opts.limits);
			if (admission.ok) {
				try {
					return await opts.fetch(input, init);
				} finally {
					await opts.budget.release(admission.token);
				}
			}
			if (admission.reason === 'hourly' && admission.waitMs > maxWaitMs) throw new BudgetExhausted(admission.waitMs);
			await opts.sleep(admission.waitMs);
		}
	};
}
