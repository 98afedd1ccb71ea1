import { describe, expect, it } from 'vitest';
import { paymentTermStanding, refreshedPaymentTerms, type PaymentTerm } from './payment-term-entities.ts';

const term = (value: string, label: string, active = true): PaymentTerm => ({
	id: `autotask:${value}`,
	provider: 'autotask',
	value,
	label,
	active
});

describe('payment terms', () => {
	it('stores what the PSA lists, and marks a term it no longer lists inactive', () => {
		const existing = [
			term('1', 'Net 15'),
			term('4', 'Net 60'),
			{ ...term('9', 'Cash'), provider: 'halopsa' as const, id: 'halopsa:9' }
		];
		const listed = [
			{ value: '1', label: 'Net 15', active: true },
			{ value: '3', label: 'Net 30', active: true }
		];
		expect(refreshedPaymentTerms(existing, 'autotask', listed)).toEqual([
			term('3', 'Net 30'),
			term('4', 'Net 60', false)
		]);
	});

	it('writes nothing when nothing changed, and takes the PSA’s deactivation', () => {
		expect(
			refreshedPaymentTerms([term('1', 'Net 15')], 'autotask', [{ value: '1', label: 'Net 15', active: true }])
		).toEqual([]);
		expect(
			refreshedPaymentTerms([term('1', 'Net 15')], 'autotask', [{ value: '1', label: 'Net 15', active: false }])
		).toEqual([term('1', 'Net 15', false)]);
	});

	it('flags a quote’s term the PSA deleted, by label as the quote stores it', () => {
		const terms = [term('1', 'Net 15'), term('4', 'Net 60', false)];
		expect(paymentTermStanding('Net 60', terms)).toBe('deleted');
		expect(paymentTermStanding(' net 15 ', terms)).toBe('active');
		expect(paymentTermStanding('Cash in hand', terms)).toBe('deleted');
		expect(paymentTermStanding(null, terms)).toBe('none');
		expect(paymentTermStanding('Net 60', [])).toBe('unknown');
	});
});
