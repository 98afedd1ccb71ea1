import { describe, expect, it } from 'vitest';
import type { ReindexRun } from '../../../shared/schema/psa-entities.ts';
import { countsLabel, describeRun, timeLeftLabel } from './reindex-view.ts';

const run = (overrides: Partial<ReindexRun>): ReindexRun => ({
	id: 'autotask:companies',
	provider: 'autotask',
	entity: 'companies',
	label: 'Companies',
	state: 'running',
	done: 0,
	total: 100,
	counts: { relinked: 0, unlinked: 0, unchanged: 0, undecided: 0 },
	startedAt: 1_000_000,
	updatedAt: 1_000_000,
	finishedAt: null,
	message: '',
	...overrides
});

describe('reindex view', () => {
	it('estimates the time left from the rate measured so far', () => {
		// 25 records in 60 s: 75 more take 180 s.
		const view = describeRun(run({ done: 25, updatedAt: 1_060_000 }));
		expect(view.progress).toEqual({ value: 25, max: 100, text: '25 of 100 · About 3 minutes left' });
	});

	it('has no estimate before the first record is done', () => {
		expect(describeRun(run({ done: 0 })).progress?.text).toBe('0 of 100 · working out the time left');
	});

	it('words long and short waits', () => {
		expect(timeLeftLabel(20_000)).toBe('Less than a minute left');
		expect(timeLeftLabel(60_000)).toBe('About 1 minute left');
		expect(timeLeftLabel(3 * 60 * 60_000)).toBe('About 3 hours left');
	});

	it('shows the last result once done, and no bar', () => {
		const view = describeRun(
			run({ state: 'done', done: 4, total: 4, counts: { relinked: 1, unlinked: 1, unchanged: 1, undecided: 1 } })
		);
		expect(view.progress).toBeNull();
		expect(view.result).toBe('1 re-linked · 1 unlinked · 1 unchanged · 1 could not decide');
	});

	it('says when a type was never re-indexed', () => {
		expect(describeRun(undefined)).toEqual({ status: 'Never re-indexed', progress: null, result: null });
	});

	it('counts every verdict', () => {
		expect(countsLabel({ counts: { relinked: 2, unlinked: 0, unchanged: 7, undecided: 0 } })).toBe(
			'2 re-linked · 0 unlinked · 7 unchanged · 0 could not decide'
		);
	});
});
