// How far a Retry all has got: of the issues it asked to retry, how many the gateway has run since,
// and of those how many cleared (the row is gone) or failed again (back to open).

import type { Issue } from '../../../shared/schema/psa-entities.ts';

export type RetryProgress = { total: number; done: number; cleared: number; failing: number };

/** The issues a Retry all asks for: those not already waiting for theirs. */
export function openIds(issues: readonly Issue[]): ReadonlySet<string> {
	return new Set(issues.filter((i) => i.state === 'open').map((i) => i.id));
}

export function retryProgress(retried: ReadonlySet<string>, issues: readonly Issue[]): RetryProgress {
	const byId = new Map(issues.map((i) => [i.id, i]));
	let cleared = 0;
	let failing = 0;
	for (const id of retried) {
		const issue = byId.get(id);
		if (!issue) cleared += 1;
		else if (issue.state === 'open') failing += 1;
	}
	return { total: retried.size, done: cleared + failing, cleared, failing };
}

/** "12 of 40 done: 10 cleared, 2 failed again". */
export function describeProgress({ total, done, cleared, failing }: RetryProgress): string {
	if (done === total) {
		return failing === 0
			? `All ${total} retried and cleared.`
			: `All ${total} retried: ${cleared} cleared, ${failing} failed again.`;
	}
	return `Retrying: ${done} of ${total} done (${cleared} cleared, ${failing} failed again).`;
}
