import { describe, expect, it } from 'vitest';
import { procurementBillingCodes, SKIP_REASONS, skipReason } from './charge-import-rules.ts';

describe('procurementBillingCodes', () => {
	it('takes the Purchase Order code and the codes of categories that need procurement', () => {
		const codes = procurementBillingCodes(
			[
				{ id: 'hw', billingCodeId: '1' },
				{ id: 'cables', billingCodeId: '2' },
				{ id: 'new', billingCodeId: '3' },
				{ id: 'unmapped', billingCodeId: null }
			],
			[
				{ categoryId: 'hw', noProcurement: true },
				{ categoryId: 'hw', noProcurement: false },
				{ categoryId: 'cables', noProcurement: true },
				{ categoryId: 'unmapped', noProcurement: false },
				{ categoryId: null, noProcurement: false }
			],
			'9'
		);
		// Cables: every product needs no procurement. New: no product yet, so it is not ruled out.
		expect([...codes].sort()).toEqual(['1', '3', '9']);
	});
});

describe('skipReason', () => {
	const codes = new Set(['1']);
	const label = (id: string) => `Code ${id}`;
	const facts = { billingCodeExternalId: 1, autotaskNoProcurement: false, outpostNoProcurement: false };

	it('names the setting that kept a charge out, the product flags first', () => {
		expect(skipReason(facts, codes, label)).toBeNull();
		expect(skipReason({ ...facts, billingCodeExternalId: null }, codes, label)).toBeNull();
		expect(skipReason({ ...facts, billingCodeExternalId: 2 }, codes, label)).toBe(SKIP_REASONS.billingCode('Code 2'));
		expect(skipReason({ ...facts, billingCodeExternalId: 2, outpostNoProcurement: true }, codes, label)).toBe(
			SKIP_REASONS.outpostNoProcurement
		);
		expect(skipReason({ ...facts, autotaskNoProcurement: true, outpostNoProcurement: true }, codes, label)).toBe(
			SKIP_REASONS.autotaskNoProcurement
		);
	});
});
