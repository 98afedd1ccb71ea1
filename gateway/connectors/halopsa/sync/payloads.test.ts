// Outpost rows to HaloPSA payloads, agents to people and client failures to PsaFailures (pure).

import { describe, expect, it } from 'vitest';
import { buildQuote, buildQuoteLine } from '../../../../shared/test/builders.ts';
import { agentToPerson } from './agents.ts';
import { hasOpportunityMarker } from './markers.ts';
import { itemPayload, splitName, userPayload } from './payloads.ts';
import { opportunityPayload, quotationLinePayload, quotationPayload } from './quote-payloads.ts';
import { buildProduct } from '../test/sync-fixture.ts';
import type { HaloFailure } from '../client/failures.ts';
import type { PsaFailure } from '../../../psa/provider.ts';
import { haloEndpoint } from '../spec.ts';
import { toPsaFailure } from '../failure.ts';

describe('payloads', () => {
	it('sends money as decimal amounts and marks items with the product id', () => {
		const product = buildProduct({ id: 'p-1', price: 134_950, cost: 99, billing: 'monthly', mpn: '' });
		expect(itemPayload(product)).toEqual({
			name: 'Lenovo ThinkPad T14',
			description: '14" business laptop',
			baseprice: 1349.5,
			costprice: 0.99,
			supplier_part_code: null,
			isrecurringitem: true,
			externalreference: 'outpost:p-1'
		});
	});

	it('splits names and normalises emails for users, leaving out an unknown site', () => {
		expect(splitName('  Ada King  Lovelace ')).toEqual({ firstname: 'Ada', surname: 'King Lovelace' });
		expect(userPayload({ name: 'Cher', email: ' Cher@Example.COM ' }, { clientId: 4, siteId: null })).toEqual({
			name: 'Cher',
			firstname: 'Cher',
			surname: '',
			emailaddress: 'cher@example.com',
			client_id: 4
		});
	});

	it('values the opportunity at the quote total and marks it with the quote id', () => {
		const quote = buildQuote({ id: 'q-1', notes: 'Call first', number: null, title: 'Refresh' });
		const lines = [
			buildQuoteLine({ quantity: 2, unitPrice: 10_000, discountPercent: 10 }),
			buildQuoteLine({ quantity: 1, unitPrice: 5_000, optional: true })
		];
		const payload = opportunityPayload(
			quote,
			lines,
			{ clientId: 1, siteId: null, userId: null, agentId: 3, ticketTypeId: null },
			{ company: 'Acme', contact: null, email: null }
		);
		expect(payload).toEqual({
			summary: 'Refresh',
			details: 'Call first\n\nOutpost quote q-1',
			client_id: 1,
			agent_id: 3,
			oppvalue: 180,
			oppcompanyname: 'Acme'
		});
		expect(hasOpportunityMarker(payload.details, 'q-1')).toBe(true);
		expect(hasOpportunityMarker(payload.details, 'q-10')).toBe(false);
	});

	it('dates the quotation and leaves out a missing expiry', () => {
		const quote = buildQuote({ validUntil: '2026-12-01' });
		const refs = { clientId: 1, siteId: 2, userId: null, agentId: null, opportunityId: 9 };
		expect(quotationPayload(quote, refs)).toMatchObject({
			ticket_id: 9,
			site_id: 2,
			date: '2026-11-01T09:00:00.000Z',
			expiry_date: '2026-12-01T00:00:00Z'
		});
		expect(quotationPayload({ ...quote, validUntil: null }, refs)).not.toHaveProperty('expiry_date');
	});

	it('names a line by the first line of its description', () => {
		const line = buildQuoteLine({
			description: 'Dock\nwith cables',
			unitPrice: 19_900,
			unitCost: 12_000,
			optional: true
		});
		expect(quotationLinePayload(line, { sortSeq: 2, itemId: 7, lineId: null, productCode: 'DOCK-1' })).toEqual({
			item_id: 7,
			productcode: 'DOCK-1',
			name: 'Dock',
			description: 'Dock\nwith cables',
			quantity: 1,
			baseprice: 199,
			costprice: 120,
			discount_perc: 0,
			item_recurring: false,
			optional: true,
			sort_seq: 2
		});
	});
});

describe('agentToPerson', () => {
	it('falls back to the display name, and marks API agents ineligible', () => {
		expect(agentToPerson({ id: 5, name: 'Jo Bloggs', email: null, isdisabled: true })).toEqual({
			externalId: '5',
			email: null,
			firstName: 'Jo',
			lastName: 'Bloggs',
			active: false
		});
		expect(agentToPerson({ id: 6, name: 'API', isapiagent: true })).toMatchObject({ ineligible: 'API-only agent' });
	});
});

describe('toPsaFailure', () => {
	it.each<[HaloFailure, Partial<PsaFailure>]>([
		[{ ok: false, code: 'connection_reset', message: 'reset', cause: null }, { kind: 'transient' }],
		[{ ok: false, code: 'timeout', message: 'slow' }, { kind: 'transient' }],
		[
			{ ok: false, code: 'rate_limited', message: 'wait', retryAfterMs: 5, status: 429 },
			{ kind: 'rate_limited', retryAfterMs: 5 }
		],
		[
			{ ok: false, code: 'auth_failed', message: 'no', status: 401, detail: null },
			{ kind: 'permanent', rootCause: { kind: 'credentials' } }
		],
		[
			{ ok: false, code: 'rejected', message: 'No', errors: ['No'], status: 400 },
			{ kind: 'permanent', message: 'No' }
		],
		[{ ok: false, code: 'not_found', message: 'gone', status: 404 }, { kind: 'permanent' }]
	])('maps %o', (failure, expected) => {
		expect(toPsaFailure(failure)).toMatchObject(expected);
	});
});

describe('haloEndpoint', () => {
	it.each([
		['https://acme.halopsa.com/api/Quotation/51', 'Quotation'],
		['http://127.0.0.1:4000/sandbox/halopsa/api/client?search=x', 'client'],
		['https://acme.halopsa.com/auth/token?tenant=acme', 'token']
	])('counts %s against %s', (url, endpoint) => {
		expect(haloEndpoint(new URL(url))).toBe(endpoint);
	});
});
