import { describe, expect, it } from 'vitest';
import { activeCodes, billingCodesOf, categoryMappings, codeOptions, mappingState } from './billing-codes.ts';
import { buildCategory, buildIntegration } from './psa-builders.ts';

const codes = [
	{ value: 'bc-110', label: 'Services', active: true },
	{ value: 'bc-101', label: 'Hardware', active: true },
	{ value: 'bc-099', label: 'Old hardware', active: false }
];

describe('billingCodesOf', () => {
	it('reads the codes Synchronize fetched, or none', () => {
		expect(billingCodesOf(buildIntegration({ lookups: { billingCodes: codes } }))).toBe(codes);
		expect(billingCodesOf(buildIntegration())).toEqual([]);
		expect(billingCodesOf(null)).toEqual([]);
	});
});

describe('mappingState', () => {
	it('tells a valid code from a missing, inactive or unknown one', () => {
		expect(mappingState('bc-101', codes)).toBe('ok');
		expect(mappingState(null, codes)).toBe('missing');
		expect(mappingState('', codes)).toBe('missing');
		expect(mappingState('bc-099', codes)).toBe('inactive');
		expect(mappingState('bc-999', codes)).toBe('unknown');
	});
});

describe('codeOptions', () => {
	it('offers the active codes by label', () => {
		expect(activeCodes(codes).map((c) => c.value)).toEqual(['bc-101', 'bc-110']);
		expect(codeOptions(codes, 'bc-101').map((o) => o.value)).toEqual(['bc-101', 'bc-110']);
		expect(codeOptions(codes, null).map((o) => o.value)).toEqual(['bc-101', 'bc-110']);
	});

	it('keeps the stored code first, flagged, when it is inactive or unknown', () => {
		expect(codeOptions(codes, 'bc-099')[0]).toEqual({ value: 'bc-099', label: 'Old hardware (inactive)' });
		expect(codeOptions(codes, 'bc-999')[0]).toEqual({ value: 'bc-999', label: 'bc-999 (not found in Autotask)' });
	});
});

describe('categoryMappings', () => {
	it('lists every category by name with its state', () => {
		const rows = categoryMappings(
			[
				buildCategory({ id: 'n', name: 'networking', billingCodeId: 'bc-099' }),
				buildCategory({ id: 'l', name: 'Laptops', billingCodeId: 'bc-101' }),
				buildCategory({ id: 'v', name: 'Voice', billingCodeId: null })
			],
			codes
		);
		expect(rows.map((r) => [r.category.id, r.state])).toEqual([
			['l', 'ok'],
			['n', 'inactive'],
			['v', 'missing']
		]);
	});
});
