import { describe, expect, it } from 'vitest';
import { buildIssue } from './psa-builders.ts';
import { describeProgress, openIds, retryProgress } from './retry-progress.ts';

const retried = new Set(['a', 'b', 'c', 'd']);

describe('retryProgress', () => {
	it('counts gone issues as cleared, open ones as failed again, retrying ones as not done', () => {
		const progress = retryProgress(retried, [
			buildIssue({ id: 'b', state: 'open' }),
			buildIssue({ id: 'c', state: 'retrying' }),
			buildIssue({ id: 'd', state: 'retrying' }),
			buildIssue({ id: 'other', state: 'open' })
		]);
		expect(progress).toEqual({ total: 4, done: 2, cleared: 1, failing: 1 });
		expect(describeProgress(progress)).toBe('Retrying: 2 of 4 done (1 cleared, 1 failed again).');
	});

	it('says when everything cleared, or how many failed again', () => {
		expect(describeProgress(retryProgress(retried, []))).toBe('All 4 retried and cleared.');
		expect(describeProgress(retryProgress(new Set(['a', 'b']), [buildIssue({ id: 'a' })]))).toBe(
			'All 2 retried: 1 cleared, 1 failed again.'
		);
	});
});

describe('openIds', () => {
	it('leaves out issues already retrying', () => {
		expect([...openIds([buildIssue({ id: 'a' }), buildIssue({ id: 'b', state: 'retrying' })])]).toEqual(['a']);
	});
});
