// build<Record>(overrides) factories for simulator seeds: valid ConnectWise records with sensible
// defaults, so a test or the demo seed spells out only the fields it is about.

type Fields = Record<string, unknown>;

/** §2.4 [S]: F Full (the "Regular Member"), A API, C StreamlineIT, X Subcontractor. */
export function buildMember(overrides: Fields = {}): Fields {
	return {
		identifier: 'ssmith',
		firstName: 'Sam',
		lastName: 'Smith',
		officeEmail: 'sam.smith@msp.example',
		defaultEmail: 'Office',
		licenseClass: 'F',
		hireDate: '2024-01-08T00:00:00Z',
		inactiveFlag: false,
		...overrides
	};
}

export function buildCompany(overrides: Fields = {}): Fields {
	return { identifier: 'AcmeCorp', name: 'Acme Corporation', deletedFlag: false, ...overrides };
}

export function buildContact(overrides: Fields = {}): Fields {
	return {
		firstName: 'Ada',
		lastName: 'Lovelace',
		inactiveFlag: false,
		communicationItems: [
			{ type: { id: 1, name: 'Email' }, value: 'ada@acme.example', defaultFlag: true, communicationType: 'Email' }
		],
		...overrides
	};
}

export function buildCatalogItem(overrides: Fields = {}): Fields {
	return {
		identifier: 'T14-G5',
		description: 'Lenovo ThinkPad T14',
		customerDescription: 'Lenovo ThinkPad T14',
		subcategory: { id: 1, name: 'Laptops' },
		type: { id: 1, name: 'Hardware' },
		productClass: 'NonInventory',
		price: 1349,
		cost: 1100,
		inactiveFlag: false,
		...overrides
	};
}

export function buildOpportunityStatus(overrides: Fields = {}): Fields {
	return {
		name: 'Open',
		wonFlag: false,
		lostFlag: false,
		closedFlag: false,
		inactiveFlag: false,
		defaultFlag: false,
		...overrides
	};
}

/** A tenant's usual statuses: Open (the default), Won, Lost. */
export function defaultOpportunityStatuses(): Fields[] {
	return [
		buildOpportunityStatus({ id: 1, name: 'Open', defaultFlag: true }),
		buildOpportunityStatus({ id: 2, name: 'Won', wonFlag: true, closedFlag: true }),
		buildOpportunityStatus({ id: 3, name: 'Lost', lostFlag: true, closedFlag: true })
	];
}

/** A distributor as ConnectWise keeps it: a company (the vendor of purchase orders). */
export function buildVendor(overrides: Fields = {}): Fields {
	return buildCompany({ identifier: 'IngramMicro', name: 'Ingram Micro', ...overrides });
}

/** The procurement setup tables a purchase order needs: a default status, terms and a unit of measure. */
export const PROCUREMENT_SETUP = {
	purchaseOrderStatuses: [
		{ name: 'Open', defaultFlag: true, inactiveFlag: false },
		{ name: 'Closed', defaultFlag: false, inactiveFlag: false }
	],
	billingTerms: [{ name: 'Net 30 days', defaultFlag: true, inactiveFlag: false }],
	unitsOfMeasure: [{ name: 'Each', inactiveFlag: false }]
} as const;
