import { describe, expect, it } from 'vitest';
import type { PaymentTerm } from '../../../shared/schema/payment-term-entities.ts';
import { paymentTermChoice } from './payment-term-options.ts';

const term = (value: string, label: string, active = true): PaymentTerm => ({
	id: `autotask:${value}`,
	provider: 'autotask',
	value,
	label,
	active
});
const terms = [term('10', 'Net 60', false), term('2', 'Net 15'), term('1', 'Due on Receipt'), term('3', 'Net 30')];

describe('paymentTermChoice', () => {
	it('offers the active terms in the PSA’s order, and flags nothing for an active one', () => {
		expect(paymentTermChoice('Net 15', terms)).toEqual({
			options: [
				{ label: 'Due on Receipt', deleted: false },
				{ label: 'Net 15', deleted: false },
				{ label: 'Net 30', deleted: false }
			],
			flag: null
		});
	});

	it('keeps a deleted term on the quote, marked, with the seeds’ text', () => {
		const choice = paymentTermChoice('Net 60', terms);
		expect(choice.options[0]).toEqual({ label: 'Net 60', deleted: true });
		expect(choice.flag).toBe('Payment term/type is deleted');
	});

	it('flags nothing without a term, or before any PSA listed terms', () => {
		expect(paymentTermChoice(null, terms).flag).toBeNull();
		expect(paymentTermChoice('Net 60', [])).toEqual({ options: [], flag: null });
	});
});
