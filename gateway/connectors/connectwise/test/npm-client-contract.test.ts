// The public `connectwise-rest` client (1.3.0) against the ConnectWise simulator on loopback: if a
// client written against the real API works here, the simulator speaks the real wire. Each test pins
// one thing the client sends or reads (paths, verbs, query strings, bodies, answers).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalogItem, buildCompany, buildContact, buildMember } from '../simulator/seed-builders.ts';
import { createConnectwiseSimulator, type ConnectwiseSimulator } from '../simulator/simulator.ts';
import { manageClientFor, type ManageClient } from './npm-manage-client.ts';

type PatchOperations = Parameters<ManageClient['CompanyAPI']['patchCompanyCompaniesById']>[1];

let sim: ConnectwiseSimulator;
let origin: string;
let cw: ManageClient;
let now: number;
let memberId: number;
let companyId: number;
let contactId: number;

beforeEach(async () => {
	now = Date.parse('2026-11-21T09:00:00Z');
	sim = createConnectwiseSimulator({ log: () => {}, clock: { now: () => now } });
	({ origin } = await sim.listen());
	cw = manageClientFor(sim, origin);
	[memberId] = sim.control.seed('members', [buildMember()]) as [number];
	[companyId] = sim.control.seed('companies', [buildCompany()]) as [number];
	[contactId] = sim.control.seed('contacts', [buildContact({ company: { id: companyId } })]) as [number];
});
afterEach(() => sim.close());

/** The rejection the client throws: `{ status, data, message }`. */
async function failureOf(call: Promise<unknown>): Promise<{ status: number; data: unknown }> {
	try {
		await call;
	} catch (error) {
		return error as { status: number; data: unknown };
	}
	throw new Error('Expected the call to fail.');
}

describe('codebase paths', () => {
	it('serves the client default entry point v4_6_release', async () => {
		expect(await cw.SystemAPI.getSystemInfo()).toMatchObject({ isCloud: true });
	});

	it('serves a cloud release codebase such as v2025_1', async () => {
		const cloud = manageClientFor(sim, origin, { entryPoint: 'v2025_1' });
		expect(await cloud.CompanyAPI.getCompanyCompaniesById(companyId)).toMatchObject({ identifier: 'AcmeCorp' });
	});
});

describe('companies', () => {
	it('creates with POST and reads back by id', async () => {
		const created = await cw.CompanyAPI.postCompanyCompanies({ identifier: 'Globex', name: 'Globex Corporation' });
		expect(await cw.CompanyAPI.getCompanyCompaniesById(created.id!)).toMatchObject({ name: 'Globex Corporation' });
	});

	it('replaces with PUT: fields left out are reset', async () => {
		sim.control.patch('companies', companyId, { phoneNumber: '555-0100' });
		const replaced = await cw.CompanyAPI.putCompanyCompaniesById(companyId, {
			identifier: 'AcmeCorp',
			name: 'Acme Inc'
		});
		expect(replaced).toMatchObject({ id: companyId, name: 'Acme Inc', phoneNumber: null });
	});

	it('updates with a JSON-patch array', async () => {
		// The client's types want an object as every value; ConnectWise takes any JSON value.
		const ops = [{ op: 'replace', path: 'name', value: 'Acme Ltd' }] as unknown as PatchOperations;
		await cw.CompanyAPI.patchCompanyCompaniesById(companyId, ops);
		expect(sim.control.record('companies', companyId)).toMatchObject({ name: 'Acme Ltd' });
	});

	it('filters with conditions', async () => {
		sim.control.seed('companies', [buildCompany({ identifier: 'Globex', name: 'Globex Corporation' })]);
		const found = await cw.CompanyAPI.getCompanyCompanies({ conditions: 'identifier = "Globex"' });
		expect(found.map((c) => c.name)).toEqual(['Globex Corporation']);
	});

	it('pages through every record with paginate (page and pageSize)', async () => {
		sim.control.seed(
			'companies',
			Array.from({ length: 24 }, (_, i) => buildCompany({ identifier: `Co${i}`, name: `Company ${i}` }))
		);
		const all = await cw.paginate(cw.CompanyAPI.getCompanyCompanies, { pageSize: 10 }, {});
		expect(all).toHaveLength(25);
	});

	it('counts with /count', async () => {
		expect(await cw.CompanyAPI.getCompanyCompaniesCount({ conditions: 'deletedFlag = false' })).toEqual({ count: 1 });
	});

	it('filters on lastUpdated in conditions', async () => {
		now = Date.parse('2026-11-22T09:00:00Z');
		await cw.CompanyAPI.postCompanyCompanies({ identifier: 'Later', name: 'Later Inc' });
		const found = await cw.CompanyAPI.getCompanyCompanies({ conditions: 'lastUpdated > [2026-11-22T00:00:00Z]' });
		expect(found.map((c) => c.identifier)).toEqual(['Later']);
	});

	it('filters on _info/lastUpdated in conditions', async () => {
		now = Date.parse('2026-11-22T09:00:00Z');
		await cw.CompanyAPI.postCompanyCompanies({ identifier: 'Later', name: 'Later Inc' });
		const found = await cw.CompanyAPI.getCompanyCompanies({ conditions: '_info/lastUpdated > [2026-11-22T00:00:00Z]' });
		expect(found.map((c) => c.identifier)).toEqual(['Later']);
	});

	it('finds a record a ConnectWise user changed after the watermark by lastUpdated', async () => {
		now = Date.parse('2026-11-22T09:00:00Z');
		sim.control.patch('companies', companyId, { name: 'Acme Renamed' });
		const found = await cw.CompanyAPI.getCompanyCompanies({ conditions: 'lastUpdated > [2026-11-22T00:00:00Z]' });
		expect(found.map((c) => c.name)).toEqual(['Acme Renamed']);
	});

	it('answers seeded records with _info.lastUpdated', async () => {
		const company = await cw.CompanyAPI.getCompanyCompaniesById(companyId);
		expect(company._info?.lastUpdated).toBe('2026-11-21T09:00:00Z');
	});

	it('filters on customFieldConditions', async () => {
		sim.control.seed('companies', [
			buildCompany({
				identifier: 'Gold',
				name: 'Gold Co',
				customFields: [{ id: 4, caption: 'Tier', type: 'Text', entryMethod: 'EntryField', value: 'Gold' }]
			})
		]);
		const found = await cw.CompanyAPI.getCompanyCompanies({
			customFieldConditions: 'caption = "Tier" and value = "Gold"'
		});
		expect(found.map((c) => c.identifier)).toEqual(['Gold']);
	});

	it('answers 405 to a verb the resource does not take', async () => {
		expect((await failureOf(cw.request({ path: '/company/companies', method: 'delete' }))).status).toBe(405);
	});
});

describe('contacts', () => {
	it('creates a contact of a company and finds it by e-mail with childConditions', async () => {
		await cw.CompanyAPI.postCompanyContacts({
			firstName: 'Grace',
			lastName: 'Hopper',
			company: { id: companyId },
			communicationItems: [{ type: { id: 1, name: 'Email' }, value: 'grace@acme.example', communicationType: 'Email' }]
		});
		const found = await cw.CompanyAPI.getCompanyContacts({
			childConditions:
				'communicationItems/value = "grace@acme.example" and communicationItems/communicationType = "Email"'
		});
		expect(found.map((c) => c.firstName)).toEqual(['Grace']);
	});

	it('answers 400 naming childConditions that name no single child collection', async () => {
		const refused = await failureOf(cw.CompanyAPI.getCompanyContacts({ childConditions: 'firstName = "Ada"' }));
		expect([refused.status, (refused.data as { message: string }).message]).toEqual([
			400,
			'childConditions: name fields of one child collection, as collection/field.'
		]);
	});

	it('answers 400 naming customFieldConditions it cannot read', async () => {
		const refused = await failureOf(cw.CompanyAPI.getCompanyContacts({ customFieldConditions: 'caption = ' }));
		expect([refused.status, (refused.data as { message: string }).message.split(':')[0]]).toEqual([
			400,
			'customFieldConditions'
		]);
	});

	it('replaces a contact with PUT', async () => {
		const replaced = await cw.CompanyAPI.putCompanyContactsById(contactId, {
			firstName: 'Ada',
			lastName: 'King',
			company: { id: companyId }
		});
		expect(replaced).toMatchObject({ lastName: 'King', communicationItems: null });
	});
});

describe('opportunities and forecast lines', () => {
	async function createOpportunity(expectedCloseDate = '2026-12-01T00:00:00Z') {
		return cw.SalesAPI.postSalesOpportunities({
			name: 'Laptop refresh',
			company: { id: companyId },
			contact: { id: contactId },
			primarySalesRep: { id: memberId },
			expectedCloseDate
		});
	}

	it('creates an opportunity whose references carry absolute _info links', async () => {
		const created = await createOpportunity();
		expect(created.company?._info?.company_href).toBe(`${origin}/v4_6_release/apis/3.0/company/companies/${companyId}`);
	});

	it('answers dates in UTC with Z, not the offset it was sent', async () => {
		const created = await createOpportunity('2026-12-01T09:00:00+02:00');
		expect(created.expectedCloseDate).toBe('2026-12-01T07:00:00Z');
	});

	it('stamps _info.lastUpdated in UTC', async () => {
		const created = await createOpportunity();
		expect(created._info?.lastUpdated).toBe('2026-11-21T09:00:00Z');
	});

	it('replaces an opportunity with PUT', async () => {
		const created = await createOpportunity();
		const replaced = await cw.SalesAPI.putSalesOpportunitiesById(created.id!, {
			name: 'Laptop refresh (revised)',
			company: { id: companyId },
			contact: { id: contactId },
			primarySalesRep: { id: memberId }
		});
		expect(replaced).toMatchObject({ name: 'Laptop refresh (revised)', expectedCloseDate: null });
	});

	// The client's generated types call this body a Forecast and the list an array of them; the wire
	// (psa-apis.md §2.3) takes one ForecastItem and answers one Forecast holding forecastItems.
	it('adds a forecast line and lists it under the opportunity', async () => {
		const [catalogId] = sim.control.seed('catalog', [buildCatalogItem()]);
		const opp = await createOpportunity();
		const line = {
			opportunity: { id: opp.id },
			forecastType: 'Product',
			status: { id: 1 },
			catalogItem: { id: catalogId },
			quantity: 2,
			revenue: 2698
		};
		await cw.SalesAPI.postSalesOpportunitiesByParentIdForecast(opp.id!, line as never);
		const forecast = (await cw.SalesAPI.getSalesOpportunitiesByParentIdForecast(opp.id!)) as unknown as {
			forecastItems: { quantity: number }[];
		};
		expect(forecast.forecastItems.map((f) => f.quantity)).toEqual([2]);
	});
});

describe('catalog and members', () => {
	it('creates a catalog item and finds it by identifier', async () => {
		await cw.ProcurementAPI.postProcurementCatalog({
			identifier: 'MR46',
			description: 'Meraki MR46',
			customerDescription: 'Meraki MR46 access point',
			subcategory: { id: 1 },
			type: { id: 1 }
		});
		const found = await cw.ProcurementAPI.getProcurementCatalog({ conditions: 'identifier = "MR46"' });
		expect(found.map((c) => c.description)).toEqual(['Meraki MR46']);
	});

	it('lists members with fields', async () => {
		const members = await cw.SystemAPI.getSystemMembers({ fields: 'id,identifier' });
		expect(members).toEqual([{ id: memberId, identifier: 'ssmith' }]);
	});
});
