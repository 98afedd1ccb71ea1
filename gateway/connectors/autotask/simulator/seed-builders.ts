// build<Entity>(overrides) factories for simulator seeds: valid Autotask records with sensible
// defaults, so a test or the demo seed spells out only the fields it is about. Ids come from the
// simulator when a record is seeded, unless the overrides give one.

type Fields = Record<string, unknown>;

const DAY = '2026-11-01T00:00:00.000Z';

export function buildResource(overrides: Fields = {}): Fields {
	return {
		firstName: 'Sam',
		lastName: 'Seller',
		email: 'sam.seller@msp.example',
		userName: 'sam.seller',
		isActive: true,
		licenseType: 1,
		resourceType: 'Employee',
		...overrides
	};
}

export function buildCompany(overrides: Fields = {}): Fields {
	return { companyName: 'Acme Corporation', companyType: 1, phone: '+1 555 0100', isActive: true, ...overrides };
}

export function buildContact(overrides: Fields = {}): Fields {
	return { firstName: 'Ada', lastName: 'Lovelace', emailAddress: 'ada@acme.example', isActive: 1, ...overrides };
}

/** A Material Cost Code (billingCodeType 3 in the default picklist), usable on products and charges. */
export function buildBillingCode(overrides: Fields = {}): Fields {
	return { name: 'Hardware', billingCodeType: 3, useType: 1, isActive: true, unitCost: 0, unitPrice: 0, ...overrides };
}

export function buildProduct(overrides: Fields = {}): Fields {
	return {
		name: 'Lenovo ThinkPad T14',
		sku: 'T14-G5',
		isActive: true,
		isSerialized: false,
		unitCost: 1100,
		unitPrice: 1349,
		periodType: 1,
		doesNotRequireProcurement: false,
		...overrides
	};
}

export function buildOpportunity(overrides: Fields = {}): Fields {
	return {
		title: 'Laptop refresh',
		status: 1,
		stage: 2,
		probability: 50,
		amount: 0,
		cost: 0,
		projectedCloseDate: DAY,
		startDate: DAY,
		useQuoteTotals: true,
		...overrides
	};
}

export function buildQuoteLocation(overrides: Fields = {}): Fields {
	return { address1: '1 Main Street', city: 'Springfield', postalCode: '12345', ...overrides };
}

export function buildQuote(overrides: Fields = {}): Fields {
	return { name: 'Laptop refresh', effectiveDate: DAY, expirationDate: '2026-12-01T00:00:00.000Z', ...overrides };
}

export function buildTicket(overrides: Fields = {}): Fields {
	return { title: 'Onboard new starter', ticketNumber: 'T20261101.0001', status: 1, createDate: DAY, ...overrides };
}

export function buildTicketCharge(overrides: Fields = {}): Fields {
	return {
		name: 'Dock',
		chargeType: 1,
		status: 1,
		datePurchased: DAY,
		unitQuantity: 1,
		unitCost: 150,
		unitPrice: 199,
		isBillableToCompany: true,
		isBilled: false,
		createDate: DAY,
		...overrides
	};
}

/** A warehouse purchase order items are received into (a required item field). */
export function buildInventoryLocation(overrides: Fields = {}): Fields {
	return { locationName: 'Main warehouse', isActive: true, isDefault: true, ...overrides };
}

/** A distributor as Autotask keeps it: a company of the Vendor type (7 in the default picklist). */
export function buildVendor(overrides: Fields = {}): Fields {
	return buildCompany({ companyName: 'Ingram Micro', companyType: 7, ...overrides });
}
