import { describe, expect, it } from 'vitest';
import { endpointOf } from './endpoints.ts';
import { segmentsAfterVersion } from './guard.ts';

const key = (method: string, path: string) =>
	endpointOf(method, segmentsAfterVersion(`/x/ATServicesRest/V1.0/${path}`));

describe('endpointOf', () => {
	it('names entity endpoints in canonical case with ids as {id}', () => {
		expect(key('post', 'companies/query')).toEqual({
			key: 'POST /Companies/query',
			entity: 'Companies',
			path: '/Companies/query'
		});
		expect(key('GET', 'Companies/query/next')).toMatchObject({ key: 'GET /Companies/query/next' });
		expect(key('POST', 'Contacts/query/count')).toMatchObject({ key: 'POST /Contacts/query/count' });
		expect(key('GET', 'companies/17')).toEqual({
			key: 'GET /Companies/{id}',
			entity: 'Companies',
			path: '/Companies/17'
		});
		expect(key('PATCH', 'Quotes')).toMatchObject({ key: 'PATCH /Quotes', entity: 'Quotes' });
		expect(key('GET', 'ticketcharges/entityinformation/fields')).toMatchObject({
			key: 'GET /TicketCharges/entityInformation/fields',
			entity: 'TicketCharges'
		});
	});

	it('names child endpoints after the child, counted against the child entity', () => {
		expect(key('POST', 'companies/17/contacts')).toEqual({
			key: 'POST /Companies/{id}/Contacts',
			entity: 'Contacts',
			path: '/Companies/17/Contacts'
		});
		expect(key('DELETE', 'Quotes/5/items/9')).toEqual({
			key: 'DELETE /Quotes/{id}/Items/{id}',
			entity: 'QuoteItems',
			path: '/Quotes/5/Items/9'
		});
	});

	it('names meta endpoints without an entity', () => {
		expect(key('GET', 'zoneInformation')).toEqual({
			key: 'GET /ZoneInformation',
			entity: null,
			path: '/ZoneInformation'
		});
		expect(key('GET', 'ThresholdInformation')).toMatchObject({ key: 'GET /ThresholdInformation', entity: null });
	});

	it('keeps unknown names as they came', () => {
		expect(key('GET', 'Widgets/3')).toEqual({ key: 'GET /Widgets/{id}', entity: null, path: '/Widgets/3' });
	});
});
