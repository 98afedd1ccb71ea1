import { describe, expect, it } from 'vitest';
import type { SkippedCharge } from '../../../shared/schema/billing-code-entities.ts';
import { skippedRows, skippedSummary } from './skipped-charges.ts';

const skipped = (overrides: Partial<SkippedCharge>): SkippedCharge => ({
	id: 'autotask-charge-1',
	provider: 'autotask',
	externalId: '1',
	ticketNumber: 'T20261121.0042',
	name: 'Onsite hour',
	reason: 'Billing code Labour belongs to no category that needs procurement.',
	createdAt: 0,
	skippedAt: 0,
	...overrides
});

describe('skippedRows', () => {
	it('lists the newest first, each with its ticket and its reason', () => {
		const rows = skippedRows([
			skipped({ id: 'a', name: 'Old', createdAt: 1_000 }),
			skipped({ id: 'b', name: '', ticketNumber: '', createdAt: 2_000, reason: 'Flagged.' })
		]);
		expect(rows.map((r) => [r.id, r.title, r.reason])).toEqual([
			['b', 'Unnamed charge', 'Flagged.'],
			['a', 'Old', 'Billing code Labour belongs to no category that needs procurement.']
		]);
		expect(rows[1]!.detail.startsWith('Ticket T20261121.0042 · created ')).toBe(true);
		expect(rows[0]!.detail.startsWith('created ')).toBe(true);
	});

	it('counts in words', () => {
		expect(skippedSummary(1)).toBe('1 charge skipped by the import');
		expect(skippedSummary(3)).toBe('3 charges skipped by the import');
	});
});
