import { describe, expect, it } from 'vitest';
import { buildQuoteLine } from '../../../../shared/test/builders.ts';
import { catalogIdentifier, changes, companyIdentifier, forecastFields, personOf, splitName } from './mapping.ts';

describe('identifiers', () => {
	it('makes a company identifier of letters and digits, at most 30', () => {
		expect(companyIdentifier({ id: 'c-1', name: 'Acme Corp. (Düsseldorf)' })).toBe('AcmeCorpDusseldorf');
		expect(companyIdentifier({ id: 'c-1', name: 'A'.repeat(40) })).toHaveLength(30);
		expect(companyIdentifier({ id: 'c-1', name: '株式会社' })).toBe('Outpostc1');
	});

	it('keys catalog items by SKU, then MPN, then the Outpost id', () => {
		expect(catalogIdentifier({ id: 'p1', sku: ' T14 ', mpn: 'M' })).toBe('T14');
		expect(catalogIdentifier({ id: 'p1', sku: '', mpn: 'M' })).toBe('M');
		expect(catalogIdentifier({ id: 'p1', sku: '', mpn: '' })).toBe('OUTPOST-p1');
	});

	it('splits a name into first and last', () => {
		expect(splitName(' Ada  King Lovelace ')).toEqual({ firstName: 'Ada King', lastName: 'Lovelace' });
		expect(splitName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
	});
});

describe('forecastFields', () => {
	it('totals a line in currency units after its discount, and marks it', () => {
		const line = buildQuoteLine({ id: 'l1', quantity: 3, unitPrice: 10_000, unitCost: 7_000, discountPercent: 10 });
		expect(forecastFields(line, 77, 'Dock')).toMatchObject({
			forecastType: 'Product',
			forecastDescription: 'Dock',
			quantity: 3,
			revenue: 270,
			cost: 210,
			includeFlag: true,
			recurringFlag: false,
			catalogItem: { id: 77 },
			quoteWerksDocName: 'outpost:l1'
		});
		const optional = buildQuoteLine({ description: 'x'.repeat(80), optional: true, billing: 'monthly' });
		expect(forecastFields(optional, null, null)).toMatchObject({
			forecastType: 'Other1',
			forecastDescription: 'x'.repeat(50),
			includeFlag: false,
			recurringFlag: true,
			catalogItem: null
		});
	});
});

describe('changes', () => {
	it('replaces only what differs; references by id, dates by instant', () => {
		const current = {
			name: 'A',
			contact: { id: 1, name: 'Ada' },
			expectedCloseDate: '2026-12-01T00:00:00.000Z',
			catalogItem: null
		};
		expect(
			changes(current, { name: 'A', contact: { id: 1 }, expectedCloseDate: '2026-12-01T00:00:00Z', catalogItem: null })
		).toEqual([]);
		expect(changes(current, { name: 'B', contact: { id: 2 }, catalogItem: { id: 3 } })).toEqual([
			{ op: 'replace', path: 'name', value: 'B' },
			{ op: 'replace', path: 'contact', value: { id: 2 } },
			{ op: 'replace', path: 'catalogItem', value: { id: 3 } }
		]);
	});
});

describe('personOf', () => {
	it('syncs Regular (F) and Subcontractor (X) members only', () => {
		const base = { id: 5, firstName: 'Sam', lastName: 'Smith', officeEmail: ' sam@msp.example ' };
		expect(personOf({ ...base, licenseClass: 'F' })).toEqual({
			externalId: '5',
			email: 'sam@msp.example',
			firstName: 'Sam',
			lastName: 'Smith',
			active: true
		});
		expect(personOf({ ...base, licenseClass: 'x' }).ineligible).toBeUndefined();
		expect(personOf({ ...base, licenseClass: 'A' }).ineligible).toBe(
			'API Member: only Regular Member and Subcontractor licenses are synced.'
		);
		expect(personOf({ ...base, licenseClass: null, inactiveFlag: true })).toMatchObject({
			active: false,
			ineligible: 'license class "none": only Regular Member and Subcontractor licenses are synced.'
		});
	});
});
