// build<Entity>(overrides) factories for HaloPSA simulator seeds: valid records with sensible defaults,
// so a test or the demo seed spells out only the fields it is about. Ids come from the simulator.

type Fields = Record<string, unknown>;

export function buildAgent(overrides: Fields = {}): Fields {
	return {
		name: 'Sam Seller',
		firstname: 'Sam',
		surname: 'Seller',
		email: 'sam.seller@msp.example',
		isdisabled: false,
		is_agent: true,
		isapiagent: false,
		...overrides
	};
}

export function buildClient(overrides: Fields = {}): Fields {
	return { name: 'Acme Corporation', inactive: false, website: 'https://acme.example', ...overrides };
}

export function buildUser(overrides: Fields = {}): Fields {
	return {
		name: 'Ada Lovelace',
		firstname: 'Ada',
		surname: 'Lovelace',
		emailaddress: 'ada@acme.example',
		inactive: false,
		...overrides
	};
}

export function buildItem(overrides: Fields = {}): Fields {
	return {
		name: 'Lenovo ThinkPad T14',
		description: '14" business laptop',
		baseprice: 1349,
		costprice: 1100,
		isrecurringitem: false,
		inactive: false,
		...overrides
	};
}

export function buildOpportunity(overrides: Fields = {}): Fields {
	return { summary: 'Laptop refresh', details: '', oppvalue: 0, ...overrides };
}

export function buildQuotation(overrides: Fields = {}): Fields {
	return { title: 'Laptop refresh', date: '2026-11-01T00:00:00Z', lines: [], ...overrides };
}

/** A distributor as Halo keeps it: a supplier. */
export function buildSupplier(overrides: Fields = {}): Fields {
	return { name: 'Ingram Micro', inactive: false, ...overrides };
}
