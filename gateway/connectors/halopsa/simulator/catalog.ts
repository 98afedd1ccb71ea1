// The entities the HaloPSA simulator serves (psa-apis.md §3.3-3.4): the path each answers under, the key
// its list wraps records in (null: a bare array), what `search` matches, and which fields filter.

export const SIM_ENTITIES = {
	Client: { listKey: 'clients', search: ['name'], filters: ['toplevel_id'], inactive: 'inactive' },
	Site: { listKey: 'sites', search: ['name'], filters: ['client_id'], inactive: 'inactive' },
	Users: {
		listKey: 'users',
		search: ['name', 'emailaddress'],
		filters: ['client_id', 'site_id'],
		inactive: 'inactive'
	},
	Agent: { listKey: null, search: ['name', 'email'], filters: [], inactive: 'isdisabled' },
	Opportunities: {
		listKey: 'tickets',
		search: ['summary'],
		filters: ['client_id', 'site_id', 'user_id', 'agent_id'],
		inactive: null
	},
	Quotation: { listKey: 'quotes', search: ['title'], filters: ['client_id', 'user_id', 'ticket_id'], inactive: null },
	Item: { listKey: 'items', search: ['name'], filters: ['supplier_id', 'assetgroup_id'], inactive: 'inactive' },
	Supplier: { listKey: 'suppliers', search: ['name'], filters: [], inactive: 'inactive' },
	PurchaseOrder: {
		listKey: 'purchaseorders',
		search: ['po_ref'],
		filters: ['supplier_id', 'client_id'],
		inactive: null
	}
} as const satisfies Record<
	string,
	{ listKey: string | null; search: readonly string[]; filters: readonly string[]; inactive: string | null }
>;

export type SimEntityName = keyof typeof SIM_ENTITIES;

const BY_LOWER = new Map(Object.keys(SIM_ENTITIES).map((name) => [name.toLowerCase(), name as SimEntityName]));

/** Paths are case-insensitive in practice (§3.1): `/client` and `/Client` alike. */
export function entityNamed(segment: string): SimEntityName | undefined {
	return BY_LOWER.get(segment.toLowerCase());
}
