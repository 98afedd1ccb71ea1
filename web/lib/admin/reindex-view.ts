// How the maintenance screen words a re-index: its state, its progress with the time left at the rate
// measured so far, and what it found. Pure.

import { reindexEstimate } from '../../../shared/psa/reindex.ts';
import type { ReindexRun } from '../../../shared/schema/psa-entities.ts';
import { plural } from '../psa/issue-labels.ts';

const MINUTE = 60_000;

/** "Less than a minute left", "About 4 minutes left", "About 2 hours left". */
export function timeLeftLabel(remainingMs: number): string {
	if (remainingMs < MINUTE) return 'Less than a minute left';
	const minutes = Math.round(remainingMs / MINUTE);
	if (minutes < 90) return `About ${plural(minutes, 'minute', 'minutes')} left`;
	return `About ${plural(Math.round(minutes / 60), 'hour', 'hours')} left`;
}

export type RunView = {
	status: string;
	/** null when there is no bar to show (nothing queued or running). */
	progress: { value: number; max: number; text: string } | null;
	result: string | null;
};

export function countsLabel(run: Pick<ReindexRun, 'counts'>): string {
	const { relinked, unlinked, unchanged, undecided } = run.counts;
	return `${relinked} re-linked · ${unlinked} unlinked · ${unchanged} unchanged · ${undecided} could not decide`;
}

export function describeRun(run: ReindexRun | undefined): RunView {
	if (!run) return { status: 'Never re-indexed', progress: null, result: null };
	if (run.state === 'queued') {
		return { status: 'Waiting to start', progress: { value: 0, max: 1, text: 'Waiting to start' }, result: null };
	}
	if (run.state === 'running') {
		const { remainingMs } = reindexEstimate(run);
		const left = remainingMs === null ? 'working out the time left' : timeLeftLabel(remainingMs);
		const text = `${run.done} of ${run.total} · ${left}`;
		return { status: 'Re-indexing', progress: { value: run.done, max: Math.max(run.total, 1), text }, result: null };
	}
	const when = run.finishedAt ?? run.updatedAt;
	const status = run.state === 'failed' ? 'Stopped' : 'Done';
	return {
		status: `${status} ${new Date(when).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`,
		progress: null,
		result: run.state === 'failed' ? null : countsLabel(run)
	};
}
