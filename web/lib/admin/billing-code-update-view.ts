// How the maintenance screen words a category's products being brought to its fixed billing code in
// the PSA: progress with the time left at the rate measured so far, and what the run did. Pure.

import { reindexEstimate } from '../../../shared/psa/reindex.ts';
import type { BillingCodeUpdate } from '../../../shared/schema/billing-code-entities.ts';
import { plural } from '../psa/issue-labels.ts';
import { timeLeftLabel, type RunView } from './reindex-view.ts';

export function describeBillingCodeUpdate(run: BillingCodeUpdate, codeLabel: string): RunView {
	if (run.state === 'running') {
		// The rate is measured on this run's own updates, not on products that were on the code already.
		const toDo = run.total - run.done;
		const { remainingMs } = reindexEstimate({ ...run, done: run.updated, total: run.updated + toDo });
		const left = remainingMs === null ? 'working out the time left' : timeLeftLabel(remainingMs);
		return {
			status: `Updating products to ${codeLabel}`,
			progress: { value: run.done, max: Math.max(run.total, 1), text: `${run.done} of ${run.total} · ${left}` },
			result: null
		};
	}
	const when = new Date(run.finishedAt ?? run.updatedAt).toLocaleString(undefined, {
		dateStyle: 'medium',
		timeStyle: 'short'
	});
	return {
		status: `${run.state === 'failed' ? 'Stopped' : 'Done'} ${when}`,
		progress: null,
		result: `${plural(run.updated, 'product', 'products')} updated to ${codeLabel} · ${run.done} of ${run.total} on it`
	};
}
