// What the simulated ConnectWise tenant holds (psa-apis.md §2.3): each resource's path, required
// fields, references and unique keys. Declared here on its own, not imported from the client, so the
// client's assumptions are tested, not shared.

export type SimResourceName =
	| 'companies'
	| 'contacts'
	| 'opportunities'
	| 'forecastItems'
	| 'catalog'
	| 'members'
	| 'opportunityStatuses'
	| 'purchaseOrders'
	| 'purchaseOrderLineItems'
	| 'purchaseOrderStatuses'
	| 'billingTerms'
	| 'unitsOfMeasure';

/** Resources that live under a parent record, and the field holding the parent's id. */
export const NESTED_RESOURCES = {
	forecastItems: (record: Record<string, unknown>) => (record.opportunity as { id?: number } | undefined)?.id,
	purchaseOrderLineItems: (record: Record<string, unknown>) => record.purchaseOrderId as number | undefined
} as const;

export type ResourceDef = {
	/** Under `apis/3.0/`; forecast items live at `sales/opportunities/{id}/forecast`. */
	path: string;
	/** The resource word of ConnectWise's error body (`"resource": "company"`). */
	word: string;
	/** §2.3 "req": checked on create and on the record a PATCH leaves. */
	required: string[];
	/** field → the resource its reference must name. */
	references: Record<string, SimResourceName>;
	/** A field no two records may share, and ConnectWise's words when they would. */
	unique?: { field: string; message: string };
	/** Whether the API writes it; setup tables and members are read-only here. */
	writable: boolean;
	/** How a record is switched off in the UI. */
	inactiveField: string;
};

const FORECAST_TYPES = ['Other1', 'Other2', 'Agreement', 'Product', 'Service'];
export const forecastTypeAllowed = (value: unknown) => typeof value === 'string' && FORECAST_TYPES.includes(value);

export const SIM_RESOURCES: Record<SimResourceName, ResourceDef> = {
	companies: {
		path: 'company/companies',
		word: 'company',
		required: ['identifier', 'name'],
		references: {},
		// [3P] `3P-CW-DUP`: the answer seen live for a duplicate identifier.
		unique: { field: 'identifier', message: 'Company ID already in use.' },
		writable: true,
		inactiveField: 'deletedFlag'
	},
	contacts: {
		path: 'company/contacts',
		word: 'contact',
		required: ['firstName', 'company'],
		references: { company: 'companies' },
		writable: true,
		inactiveField: 'inactiveFlag'
	},
	opportunities: {
		path: 'sales/opportunities',
		word: 'opportunity',
		required: ['name', 'company', 'contact', 'primarySalesRep'],
		references: {
			company: 'companies',
			contact: 'contacts',
			primarySalesRep: 'members',
			status: 'opportunityStatuses'
		},
		writable: true,
		inactiveField: 'closedFlag'
	},
	forecastItems: {
		path: 'sales/opportunities/{id}/forecast',
		word: 'forecastItem',
		required: ['opportunity', 'status', 'forecastType'],
		references: { opportunity: 'opportunities', status: 'opportunityStatuses', catalogItem: 'catalog' },
		writable: true,
		inactiveField: 'includeFlag'
	},
	catalog: {
		path: 'procurement/catalog',
		word: 'catalogItem',
		required: ['identifier', 'description', 'subcategory', 'type', 'customerDescription'],
		references: {},
		// [UNVERIFIED]: the text for a duplicate catalog identifier is the simulator's own.
		unique: { field: 'identifier', message: 'Product ID already in use.' },
		writable: true,
		inactiveField: 'inactiveFlag'
	},
	members: {
		path: 'system/members',
		word: 'member',
		required: ['identifier', 'firstName', 'lastName', 'licenseClass'],
		references: {},
		unique: { field: 'identifier', message: 'Member ID already in use.' },
		writable: false,
		inactiveField: 'inactiveFlag'
	},
	opportunityStatuses: {
		path: 'sales/opportunities/statuses',
		word: 'opportunityStatus',
		required: ['name'],
		references: {},
		writable: false,
		inactiveField: 'inactiveFlag'
	},
	purchaseOrders: {
		path: 'procurement/purchaseorders',
		word: 'purchaseOrder',
		required: ['vendorCompany', 'status', 'terms'],
		references: {
			vendorCompany: 'companies',
			customerCompany: 'companies',
			status: 'purchaseOrderStatuses',
			terms: 'billingTerms'
		},
		writable: true,
		inactiveField: 'closedFlag'
	},
	purchaseOrderLineItems: {
		path: 'procurement/purchaseorders/{id}/lineitems',
		word: 'purchaseOrderLineItem',
		required: ['description', 'lineNumber', 'product', 'quantity', 'unitOfMeasure'],
		references: { product: 'catalog', unitOfMeasure: 'unitsOfMeasure' },
		writable: true,
		inactiveField: 'canceledFlag'
	},
	purchaseOrderStatuses: {
		path: 'procurement/purchaseorderstatuses',
		word: 'purchaseOrderStatus',
		required: ['name'],
		references: {},
		writable: false,
		inactiveField: 'inactiveFlag'
	},
	billingTerms: {
		path: 'finance/billingTerms',
		word: 'billingTerm',
		required: ['name'],
		references: {},
		writable: false,
		inactiveField: 'inactiveFlag'
	},
	unitsOfMeasure: {
		path: 'procurement/unitOfMeasures',
		word: 'unitOfMeasure',
		required: ['name'],
		references: {},
		writable: false,
		inactiveField: 'inactiveFlag'
	}
};

/** Top-level resources by path, longest first so `sales/opportunities/statuses` wins over `sales/opportunities`. */
export const ROOT_PATHS = (Object.entries(SIM_RESOURCES) as [SimResourceName, ResourceDef][])
	.filter(([name]) => !(name in NESTED_RESOURCES))
	.sort((a, b) => b[1].path.length - a[1].path.length);
