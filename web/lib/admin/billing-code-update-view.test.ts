import { describe, expect, it } from 'vitest';
import type { BillingCodeUpdate } from '../../../shared/schema/billing-code-entities.ts';
import { describeBillingCodeUpdate } from './billing-code-update-view.ts';

const MINUTE = 60_000;
const run = (overrides: Partial<BillingCodeUpdate>): BillingCodeUpdate => ({
	id: 'autotask:cat-hw',
	provider: 'autotask',
	categoryId: 'cat-hw',
	label: 'Hardware',
	billingCodeId: '202',
	state: 'running',
	done: 0,
	total: 0,
	updated: 0,
	startedAt: 0,
	updatedAt: 0,
	finishedAt: null,
	message: '',
	...overrides
});

describe('describeBillingCodeUpdate', () => {
	it('times what is left by the updates this run made, not by products already on the code', () => {
		// 40 were on the code already; 10 updated in 10 minutes; 50 to go.
		const view = describeBillingCodeUpdate(
			run({ done: 50, total: 100, updated: 10, startedAt: 0, updatedAt: 10 * MINUTE }),
			'Hardware (fixed)'
		);
		expect(view).toEqual({
			status: 'Updating products to Hardware (fixed)',
			progress: { value: 50, max: 100, text: '50 of 100 · About 50 minutes left' },
			result: null
		});
	});

	it('says what a finished run did', () => {
		const view = describeBillingCodeUpdate(
			run({ state: 'done', done: 6, total: 6, updated: 1, finishedAt: Date.UTC(2026, 0, 5, 10) }),
			'Hardware (fixed)'
		);
		expect(view.progress).toBeNull();
		expect(view.status.startsWith('Done ')).toBe(true);
		expect(view.result).toBe('1 product updated to Hardware (fixed) · 6 of 6 on it');
	});
});
