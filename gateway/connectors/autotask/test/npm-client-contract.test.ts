// The public `@apigrate/autotask-restapi` client (2.0.1) against the Autotask simulator on loopback:
// if a client written against the real API works here, the simulator speaks the real wire. The
// client is pointed at the simulator with its own `base_url` option (where it looks the zone up);
// every later call goes to the zone URL the lookup answers. Each test pins one outcome.

import { AutotaskRestApi } from '@apigrate/autotask-restapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	buildBillingCode,
	buildCompany,
	buildContact,
	buildOpportunity,
	buildProduct,
	buildQuoteLocation,
	buildResource,
	buildTicket
} from '../simulator/seed-builders.ts';
import { createAutotaskSimulator, type AutotaskSimulator } from '../simulator/simulator.ts';

let sim: AutotaskSimulator;
let api: AutotaskRestApi;
let ownerId: number;
let companyId: number;
let contactId: number;
let billingCodeId: number;

beforeEach(async () => {
	sim = createAutotaskSimulator({ log: () => {}, clock: { now: () => Date.parse('2026-11-21T09:00:00Z') } });
	const { zoneLookupUrl } = await sim.listen();
	const { userName, secret, apiIntegrationCode } = sim.control.credentials;
	api = new AutotaskRestApi(userName, secret, apiIntegrationCode, { base_url: zoneLookupUrl });
	[ownerId] = sim.control.seed('Resources', [buildResource()]) as [number];
	[companyId] = sim.control.seed('Companies', [buildCompany({ ownerResourceID: ownerId })]) as [number];
	[contactId] = sim.control.seed('Contacts', [buildContact({ companyID: companyId })]) as [number];
	[billingCodeId] = sim.control.seed('BillingCodes', [buildBillingCode()]) as [number];
});
afterEach(() => sim.close());

/** `{ item }` of a record the test knows exists (the client answers null for a 404). */
async function itemOf(entity: AutotaskRestApi['Companies'], id: number) {
	const found = await entity.get(id);
	if (!found) throw new Error(`No record ${id}.`);
	return found as { item: Record<string, unknown> };
}

const everything = { filter: [{ op: 'exist', field: 'id' }] };

async function createOpportunity(fields: Record<string, unknown> = {}): Promise<number> {
	const created = await api.Opportunities.create(
		buildOpportunity({ companyID: companyId, contactID: contactId, ownerResourceID: ownerId, ...fields })
	);
	return created.itemId;
}

async function createQuote(): Promise<number> {
	const [location] = sim.control.seed('QuoteLocations', [buildQuoteLocation()]);
	const created = await api.Quotes.create({
		name: 'Laptop refresh',
		opportunityID: await createOpportunity(),
		effectiveDate: '2026-11-21T00:00:00Z',
		expirationDate: '2026-12-21T00:00:00Z',
		billToLocationID: location,
		shipToLocationID: location,
		soldToLocationID: location
	});
	return created.itemId;
}

describe('zone lookup and meta calls', () => {
	it('looks the zone up and queries in it', async () => {
		const found = await api.Companies.query({
			filter: [{ op: 'eq', field: 'companyName', value: 'Acme Corporation' }]
		});
		expect(found.items.map((c: { id: number }) => c.id)).toEqual([companyId]);
	});

	it('answers the API version at V1.0/Version', async () => {
		expect(await api._get('/Version')).toEqual({ version: '1.0' });
	});

	it('answers the user-defined fields of an entity at entityInformation/userDefinedFields', async () => {
		sim.control.defineUserDefinedFields('Companies', [{ name: 'Tier', dataType: 'string' }]);
		const info = await api.Companies.udfInfo();
		expect(info.fields.map((f: { name: string }) => f.name)).toEqual(['Tier']);
	});

	it('answers entity information', async () => {
		expect((await api.Products.info()).info).toMatchObject({ name: 'Products', canCreate: true });
	});

	it('answers field metadata', async () => {
		const info = await api.Products.fieldInfo();
		expect(info.fields.find((f: { name: string }) => f.name === 'productBillingCodeID')).toMatchObject({
			isRequired: true
		});
	});
});

describe('records as Autotask answers them', () => {
	it('returns every field of the entity, null when unset', async () => {
		const { item } = await itemOf(api.Companies, companyId);
		expect(item).toMatchObject({ companyName: 'Acme Corporation', companyNumber: null, webAddress: null });
	});

	it('carries userDefinedFields, empty on an entity without any', async () => {
		const { item } = await itemOf(api.Contacts, contactId);
		expect(item.userDefinedFields).toEqual([]);
	});

	it('carries each defined user-defined field with its value, null when unset', async () => {
		sim.control.defineUserDefinedFields('Companies', [
			{ name: 'Tier', dataType: 'string' },
			{ name: 'Region', dataType: 'string' }
		]);
		await api.Companies.update({ id: companyId, userDefinedFields: [{ name: 'Tier', value: 'Gold' }] });
		const { item } = await itemOf(api.Companies, companyId);
		expect(item.userDefinedFields).toEqual([
			{ name: 'Tier', value: 'Gold' },
			{ name: 'Region', value: null }
		]);
	});

	it('stores a date-time sent with an offset in UTC with Z', async () => {
		const id = await createOpportunity({ projectedCloseDate: '2026-12-01T09:00:00+02:00' });
		const { item } = await itemOf(api.Opportunities, id);
		expect(item.projectedCloseDate).toBe('2026-12-01T07:00:00Z');
	});

	it('answers null for an id that does not exist (404)', async () => {
		expect(await api.Companies.get(999_999)).toBeNull();
	});
});

describe('writes', () => {
	it('creates a company and answers its itemId', async () => {
		const created = await api.Companies.create(buildCompany({ companyName: 'Globex', ownerResourceID: ownerId }));
		expect(sim.control.record('Companies', created.itemId)).toMatchObject({ companyName: 'Globex' });
	});

	it('creates a contact under its company and updates it there', async () => {
		const created = await api.CompanyContacts.create(companyId, {
			firstName: 'Grace',
			lastName: 'Hopper',
			isActive: 1
		});
		await api.CompanyContacts.update(companyId, { id: created.itemId, title: 'Rear Admiral' });
		expect(sim.control.record('Contacts', created.itemId)).toMatchObject({
			companyID: companyId,
			title: 'Rear Admiral'
		});
	});

	it('updates an opportunity with PATCH', async () => {
		const id = await createOpportunity();
		await api.Opportunities.update({ id, probability: 90 });
		expect(sim.control.record('Opportunities', id)).toMatchObject({ probability: 90 });
	});

	it('replaces an opportunity with PUT: fields left out become null', async () => {
		const id = await createOpportunity({ description: 'Ten laptops' });
		await api.Opportunities.replace(
			buildOpportunity({ id, companyID: companyId, ownerResourceID: ownerId, title: 'Laptop refresh (revised)' })
		);
		expect(sim.control.record('Opportunities', id)).toMatchObject({
			title: 'Laptop refresh (revised)',
			description: null
		});
	});

	it('creates a quote and a product line under it', async () => {
		const [productId] = sim.control.seed('Products', [buildProduct({ productBillingCodeID: billingCodeId })]) as [
			number
		];
		const quoteId = await createQuote();
		await api.QuoteItems.create(quoteId, {
			quoteItemType: 1,
			productID: productId,
			quantity: 2,
			isOptional: false,
			unitDiscount: 0,
			lineDiscount: 0,
			percentageDiscount: 0
		});
		const lines = await api.QuoteItems.query({ filter: [{ op: 'eq', field: 'quoteID', value: quoteId }] });
		expect(lines.items.map((l: { quantity: number }) => l.quantity)).toEqual([2]);
	});

	it('creates a product and finds it by sku', async () => {
		await api.Products.create(buildProduct({ sku: 'MR46', name: 'Meraki MR46', productBillingCodeID: billingCodeId }));
		const found = await api.Products.query({ filter: [{ op: 'eq', field: 'sku', value: 'mr46' }] });
		expect(found.items.map((p: { name: string }) => p.name)).toEqual(['Meraki MR46']);
	});

	it('creates a ticket charge under its ticket and changes its status there', async () => {
		const [ticketId] = sim.control.seed('Tickets', [buildTicket({ companyID: companyId })]) as [number];
		const created = await api.TicketCharges.create(ticketId, {
			name: 'Dock',
			chargeType: 1,
			status: 1,
			billingCodeID: billingCodeId,
			datePurchased: '2026-11-21T00:00:00Z',
			unitQuantity: 1
		});
		await api.TicketCharges.update(ticketId, { id: created.itemId, status: 8 });
		expect(sim.control.record('TicketCharges', created.itemId)).toMatchObject({ status: 8 });
	});

	it('answers a rule violation with 500 and the errors array', async () => {
		await expect(api.Companies.create({ companyName: 'No owner' })).rejects.toMatchObject({
			status: 500,
			details: { errors: expect.arrayContaining(['ownerResourceID is required.']) }
		});
	});

	it('answers 405 to a verb the path does not take', async () => {
		await expect(api.Companies.delete(companyId)).rejects.toMatchObject({ status: 405 });
	});
});

describe('queries', () => {
	it('finds active resources', async () => {
		const found = await api.Resources.query({ filter: [{ op: 'eq', field: 'isActive', value: true }] });
		expect(found.items.map((r: { userName: string }) => r.userName)).toEqual(['sam.seller']);
	});

	it('pages by MaxRecords with an absolute nextPageUrl', async () => {
		sim.control.seed(
			'Companies',
			Array.from({ length: 4 }, (_, i) => buildCompany({ companyName: `Company ${i}`, ownerResourceID: ownerId }))
		);
		const first = await api.Companies.query({ MaxRecords: 2, ...everything });
		expect(first.pageDetails).toMatchObject({
			count: 2,
			nextPageUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//)
		});
	});

	it('counts with query/count', async () => {
		expect(await api.Contacts.count(everything)).toEqual({ queryCount: 1 });
	});

	it('filters with an or group and IncludeFields', async () => {
		sim.control.seed('Companies', [buildCompany({ companyName: 'Globex', ownerResourceID: ownerId })]);
		const found = await api.Companies.query({
			IncludeFields: ['companyName'],
			filter: [
				{
					op: 'or',
					items: [
						{ op: 'beginsWith', field: 'companyName', value: 'glo' },
						{ op: 'eq', field: 'companyName', value: 'nobody' }
					]
				}
			]
		});
		expect(found.items).toEqual([{ id: expect.any(Number), companyName: 'Globex' }]);
	});
});
