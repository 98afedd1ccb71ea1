// The Autotask client against the simulator over real loopback HTTP: queries and paging, writes
// through parent URLs, picklists, and the exact number of calls each operation spends.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	buildBillingCode,
	buildCompany,
	buildOpportunity,
	buildQuote,
	buildQuoteLocation,
	buildTicket,
	buildTicketCharge
} from '../simulator/seed-builders.ts';
import { eq, gte, or } from './filter.ts';
import { seedTenant, startSandbox, unwrap, type Sandbox, type Tenant } from '../test/client-sandbox.ts';

let sb: Sandbox;
let tenant: Tenant;

beforeEach(async () => {
	sb = await startSandbox();
	tenant = seedTenant(sb.control);
});
afterEach(() => sb.close());

describe('zone discovery', () => {
	it('looks the zone up once and sends every later call to the zone it answered', async () => {
		const zone = unwrap(await sb.client.zone());
		expect(zone.url).toBe(`${sb.origin}/webservices3/ATServicesRest/`);
		unwrap(await sb.client.get('Companies', tenant.companyId));
		unwrap(await sb.client.get('Companies', tenant.companyId));
		expect(sb.control.callCount('GET /ZoneInformation')).toBe(1);
		expect(sb.control.callCount('GET /Companies/{id}')).toBe(2);
	});

	it('looks the zone up once for calls that start together', async () => {
		const results = await Promise.all([
			sb.client.get('Companies', tenant.companyId),
			sb.client.get('Products', tenant.productId),
			sb.client.get('Contacts', tenant.contactId)
		]);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(sb.control.callCount('GET /ZoneInformation')).toBe(1);
	});

	it('skips discovery when the zone is already known', async () => {
		const client = sb.newClient({ zoneUrl: `${sb.origin}/webservices3/ATServicesRest` });
		unwrap(await client.get('Companies', tenant.companyId));
		expect(sb.control.calls()).toEqual({ 'GET /Companies/{id}': 1 });
	});
});

describe('queries', () => {
	it('follows nextPageUrl across pages, one call per page', async () => {
		sb.control.seed(
			'Companies',
			Array.from({ length: 6 }, (_, n) => buildCompany({ companyName: `Branch ${n}`, ownerResourceID: tenant.ownerId }))
		);
		const all = unwrap(await sb.client.queryAll('Companies', { maxRecords: 3 }));
		expect(all).toHaveLength(7);
		expect(all.map((c) => c.id)).toEqual([...all.map((c) => c.id)].sort((a, b) => a - b));
		// 7 records at 3 a page: the query and two next pages.
		expect(sb.control.callCount('POST /Companies/query')).toBe(1);
		expect(sb.control.callCount('GET /Companies/query/next')).toBe(2);
		expect(sb.client.calls()).toEqual(sb.control.calls());
	});

	it('yields page by page', async () => {
		sb.control.seed(
			'Companies',
			Array.from({ length: 4 }, () => buildCompany({ ownerResourceID: tenant.ownerId }))
		);
		const sizes: number[] = [];
		for await (const page of sb.client.queryPages('Companies', { maxRecords: 2 })) sizes.push(unwrap(page).length);
		expect(sizes).toEqual([2, 2, 1]);
	});

	it('stops at the page cap instead of reading without end', async () => {
		sb.control.seed(
			'Companies',
			Array.from({ length: 5 }, () => buildCompany({ ownerResourceID: tenant.ownerId }))
		);
		const result = await sb.client.queryAll('Companies', { maxRecords: 2 }, { maxPages: 2 });
		expect(result).toMatchObject({ ok: false, code: 'too_many_pages' });
		expect(sb.control.totalCalls()).toBe(3); // zone, query, one next page
	});

	it('filters with operators and or-groups, and projects IncludeFields', async () => {
		sb.control.seed('Companies', [
			buildCompany({ companyName: 'Globex', city: 'Springfield', ownerResourceID: tenant.ownerId }),
			buildCompany({ companyName: 'Initech', city: 'Austin', ownerResourceID: tenant.ownerId })
		]);
		const found = unwrap(
			await sb.client.queryAll('Companies', {
				filter: [or(eq('city', 'springfield'), eq('companyName', 'INITECH'))],
				includeFields: ['companyName']
			})
		);
		expect(found.map((c) => c.companyName)).toEqual(['Globex', 'Initech']);
		expect(Object.keys(found[0]!).sort()).toEqual(['companyName', 'id']);
	});

	it('answers "No matching records found" when a required record is missing', async () => {
		const result = await sb.client.queryOne('Opportunities', [eq('id', 424242)]);
		expect(result).toEqual({ ok: false, code: 'no_matching_records', message: 'No matching records found' });
		expect(sb.control.callCount('POST /Opportunities/query')).toBe(1);
	});

	it('counts without reading records', async () => {
		expect(unwrap(await sb.client.count('Contacts', [eq('companyID', tenant.companyId)]))).toBe(1);
		expect(sb.control.callCount('POST /Contacts/query/count')).toBe(1);
	});
});

describe('writes', () => {
	it('creates a record and finds it by query and by id', async () => {
		const id = unwrap(
			await sb.client.create('Companies', {
				companyName: 'Umbrella',
				companyType: 1,
				phone: '+1 555 0199',
				ownerResourceID: tenant.ownerId
			})
		);
		const byQuery = unwrap(await sb.client.queryOne('Companies', [eq('companyName', 'Umbrella')]));
		expect(byQuery.id).toBe(id);
		const byId = unwrap(await sb.client.get('Companies', id));
		expect(byId).toMatchObject({ id, companyName: 'Umbrella', isActive: true });
		expect(byId?.createDate).toEqual(expect.any(String));
	});

	it('answers null for an id Autotask does not have', async () => {
		expect(unwrap(await sb.client.get('Companies', 999_999))).toBeNull();
	});

	it('writes children through their parent URL', async () => {
		const contactId = unwrap(
			await sb.client.create('Contacts', {
				companyID: tenant.companyId,
				firstName: 'Grace',
				lastName: 'Hopper',
				isActive: 1
			})
		);
		unwrap(await sb.client.update('Contacts', { id: contactId, companyID: tenant.companyId, title: 'Rear Admiral' }));
		expect(sb.control.record('Contacts', contactId)).toMatchObject({
			title: 'Rear Admiral',
			companyID: tenant.companyId
		});
		expect(sb.control.callCount(`POST /Companies/{id}/Contacts`)).toBe(1);
		expect(sb.control.callCount(`PATCH /Companies/{id}/Contacts`)).toBe(1);
	});

	it('builds a quote with a line and removes the line again', async () => {
		const opportunityId = unwrap(
			await sb.client.create('Opportunities', {
				...buildOpportunity(),
				companyID: tenant.companyId,
				contactID: tenant.contactId,
				ownerResourceID: tenant.ownerId
			})
		);
		const locationId = unwrap(await sb.client.create('QuoteLocations', buildQuoteLocation()));
		const quoteId = unwrap(
			await sb.client.create('Quotes', {
				...buildQuote(),
				opportunityID: opportunityId,
				billToLocationID: locationId,
				shipToLocationID: locationId,
				soldToLocationID: locationId
			})
		);
		const itemId = unwrap(
			await sb.client.create('QuoteItems', {
				quoteID: quoteId,
				quoteItemType: 1,
				productID: tenant.productId,
				quantity: 2,
				unitPrice: 1349,
				isOptional: false,
				unitDiscount: 0,
				lineDiscount: 0,
				percentageDiscount: 0
			})
		);
		expect(unwrap(await sb.client.get('Quotes', quoteId))?.primaryQuote).toBe(true);
		unwrap(await sb.client.remove('QuoteItems', { id: itemId, quoteID: quoteId }));
		expect(sb.control.record('QuoteItems', itemId)).toBeUndefined();
		expect(sb.control.callCount('DELETE /Quotes/{id}/Items/{id}')).toBe(1);
	});

	it('refuses what Autotask does not allow without spending a call', async () => {
		const before = sb.control.totalCalls();
		// BillingCodes are read-only (§1.3); a cast stands in for a caller that ignored the types.
		const result = await sb.client.create('BillingCodes' as 'Products', { name: 'x' });
		expect(result).toMatchObject({ ok: false, code: 'invalid_request' });
		const orphan = await sb.client.create('Contacts', { firstName: 'No', lastName: 'Parent' } as never);
		expect(orphan).toMatchObject({ ok: false, code: 'invalid_request', message: expect.stringContaining('companyID') });
		expect(sb.control.totalCalls()).toBe(before);
	});
});

describe('picklists', () => {
	it('reads ticket charge statuses as the tenant labels them', async () => {
		const statuses = unwrap(await sb.client.picklist('TicketCharges', 'Status'));
		expect(statuses.map((s) => s.label)).toEqual([
			'New',
			'Waiting Approval',
			'Approved/Posted',
			'Rejected',
			'Cancelled',
			'Waiting Customer',
			'Billed'
		]);
		expect(sb.control.callCount('GET /TicketCharges/entityInformation/fields')).toBe(1);
	});

	it('shows a deleted payment term as inactive', async () => {
		sb.control.deactivatePicklistValue('Quotes', 'paymentTerm', 3);
		const terms = unwrap(await sb.client.picklist('Quotes', 'paymentTerm'));
		expect(terms.find((t) => t.value === '3')).toMatchObject({ label: 'Net 30', isActive: false });
	});

	it('says so when a field has no picklist', async () => {
		expect(await sb.client.picklist('Companies', 'companyName')).toMatchObject({
			ok: false,
			code: 'unexpected_response'
		});
	});
});

describe('ticket charges', () => {
	it('imports charges created since a watermark, with their status values', async () => {
		const [ticketId] = sb.control.seed('Tickets', [buildTicket()]);
		const [codeId] = sb.control.seed('BillingCodes', [buildBillingCode({ name: 'Procurement' })]);
		sb.control.seed('TicketCharges', [
			buildTicketCharge({ ticketID: ticketId, billingCodeID: codeId, createDate: '2026-11-01T07:00:00.000Z' }),
			buildTicketCharge({
				ticketID: ticketId,
				billingCodeID: codeId,
				createDate: '2026-11-01T08:30:00.000Z',
				status: 6
			})
		]);
		const recent = unwrap(
			await sb.client.queryAll('TicketCharges', { filter: [gte('createDate', '2026-11-01T07:00:00.001Z')] })
		);
		expect(recent.map((c) => c.status)).toEqual([6]);
	});
});

describe('hooks and counting', () => {
	it('awaits onRequest before each call and calls its release after', async () => {
		const events: string[] = [];
		const client = sb.newClient({
			onRequest: async (info) => {
				events.push(`start ${info.endpoint} ${info.entity}`);
				return () => events.push(`done ${info.endpoint}`);
			}
		});
		unwrap(await client.get('Products', tenant.productId));
		expect(events).toEqual([
			'start GET /ZoneInformation null',
			'done GET /ZoneInformation',
			'start GET /Products/{id} Products',
			'done GET /Products/{id}'
		]);
	});
});
