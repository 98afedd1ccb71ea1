import { describe, expect, it } from 'vitest';
import type { PsaFailure } from '../../psa/provider.ts';
import { retrySchedule } from '../../jobs/retry-policy.ts';
import { connectwiseEndpoint, connectwiseSpec } from './spec.ts';

describe('connectwiseEndpoint', () => {
	it('counts requests by module and resource', () => {
		const at = (path: string) => connectwiseEndpoint(new URL(`https://api-na.myconnectwise.net${path}`));
		expect(at('/v2025_1/apis/3.0/company/companies/7')).toBe('company/companies');
		expect(at('/v2025_1/apis/3.0/sales/opportunities/9/forecast/3')).toBe('sales/opportunities');
		expect(at('/sandbox/connectwise/login/companyinfo/CW')).toBe('login/companyinfo');
	});
});

describe('connectwiseSpec', () => {
	it('backs off a rate limit 5, 10, 20, then 60 s: four retries (seeds)', () => {
		const limited: PsaFailure = { ok: false, kind: 'rate_limited', message: 'ConnectWise API rate limit exceeded' };
		expect(retrySchedule(connectwiseSpec.retry, limited)).toEqual([5_000, 10_000, 20_000, 60_000]);
	});
});
