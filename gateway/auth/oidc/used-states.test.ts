import { describe, expect, it } from 'vitest';
import { createUsedStates } from './used-states.ts';

describe('createUsedStates', () => {
	it('lets each state come back once', () => {
		const used = createUsedStates();
		expect(used.claim('s1', 1_000, 0)).toBe(true);
		expect(used.claim('s1', 1_000, 10)).toBe(false);
		expect(used.claim('s2', 1_000, 10)).toBe(true);
	});

	it('forgets a state once its flow has expired anyway', () => {
		const used = createUsedStates();
		used.claim('s1', 1_000, 0);
		expect(used.claim('s1', 2_000, 1_000)).toBe(true);
	});
});
