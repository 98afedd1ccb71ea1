import { describe, expect, it } from 'vitest';
import { ingramSpec } from './spec.ts';

describe('Ingram Micro spec', () => {
	it('counts requests against the endpoint they use, ids left out', () => {
		const of = (path: string) => ingramSpec.endpointOf(new URL(`https://api.ingrammicro.com:443${path}`));
		expect(of('/oauth/oauth20/token')).toBe('token');
		expect(of('/resellers/v6/catalog/priceandavailability')).toBe('catalog/priceandavailability');
		expect(of('/resellers/v6.1/orders/20-RD128')).toBe('orders');
		expect(of('/sandbox/resellers/v6/orders/search')).toBe('orders/search');
	});

	it('names the URL the credentials point at, and nothing for credentials that do not parse', () => {
		const credentials = { clientId: 'a', clientSecret: 'b', customerNumber: '20-1', countryCode: 'us' };
		expect(ingramSpec.urlsOf(credentials)).toEqual({ apiUrl: 'https://api.ingrammicro.com:443' });
		expect(ingramSpec.urlsOf({ clientId: 'a' })).toEqual({});
	});
});
