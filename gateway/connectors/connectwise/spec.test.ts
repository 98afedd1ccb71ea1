import { describe, expect, it } from 'vitest';
import { connectwiseEndpoint } from './spec.ts';

describe('connectwiseEndpoint', () => {
	it('counts requests by module and resource', () => {
		const at = (path: string) => connectwiseEndpoint(new URL(`https://api-na.myconnectwise.net${path}`));
		expect(at('/v2025_1/apis/3.0/company/companies/7')).toBe('company/companies');
		expect(at('/v2025_1/apis/3.0/sales/opportunities/9/forecast/3')).toBe('sales/opportunities');
		expect(at('/sandbox/connectwise/login/companyinfo/CW')).toBe('login/companyinfo');
	});
});
