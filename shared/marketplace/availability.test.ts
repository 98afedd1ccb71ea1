import { describe, expect, it } from 'vitest';
import { pickSource, type Offer } from './availability.ts';

const offer = (o: Partial<Offer> & Pick<Offer, 'distributor'>): Offer => ({
	distributorSku: null,
	description: null,
	status: 'available',
	discontinued: false,
	costCents: 100,
	currencyCode: 'USD',
	stock: 5,
	warehouses: [],
	asOf: 1,
	...o
});

describe('pickSource', () => {
	it('takes the cheapest offer that has stock', () => {
		const offers = [
			offer({ distributor: 'ingrammicro', costCents: 120 }),
			offer({ distributor: 'tdsynnex', costCents: 110 })
		];
		expect(pickSource(offers, ['ingrammicro', 'tdsynnex'])).toBe('tdsynnex');
	});
	it('passes over a cheaper offer with no stock, discontinued or without a cost', () => {
		const offers = [
			offer({ distributor: 'tdsynnex', costCents: 50, stock: 0, status: 'out_of_stock' }),
			offer({ distributor: 'ingrammicro', costCents: 90 })
		];
		expect(pickSource(offers, ['tdsynnex', 'ingrammicro'])).toBe('ingrammicro');
		expect(
			pickSource([offer({ distributor: 'tdsynnex', status: 'discontinued', discontinued: true })], ['tdsynnex'])
		).toBeNull();
		expect(pickSource([offer({ distributor: 'tdsynnex', costCents: null })], ['tdsynnex'])).toBeNull();
	});
	it('breaks a tie by the preference order', () => {
		const offers = [offer({ distributor: 'ingrammicro' }), offer({ distributor: 'tdsynnex' })];
		expect(pickSource(offers, ['tdsynnex', 'ingrammicro'])).toBe('tdsynnex');
		expect(pickSource(offers, ['ingrammicro', 'tdsynnex'])).toBe('ingrammicro');
	});
});
