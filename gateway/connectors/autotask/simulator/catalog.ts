// What the simulated Autotask database holds (psa-apis.md §1.3, §1.5): each entity's fields and
// types, required fields, references to other entities, and parent URL. Declared here on its own,
// not imported from the client, so the client's assumptions are tested, not shared.

export type FieldType = 'integer' | 'string' | 'boolean' | 'double' | 'datetime' | 'udfs';

export type EntityDef = {
	/** The singular the error texts use: "Opportunity does not exist or is invalid". */
	word: string;
	fields: Record<string, FieldType>;
	/** `isRequired` in entityInformation (§1.5 "req"); checked on create and full replace. */
	required: string[];
	/** field → the entity its id must name, with the word used in "X does not exist or is invalid". */
	references: Record<string, { entity: string; word: string }>;
	/** Writes go through `/{parent}/{parentId}/{segment}` (§1.3 "child"). */
	parent?: { entity: string; key: string; segment: string };
	create: boolean;
	update: boolean;
	remove: boolean;
};

/** `{ integer: 'id companyType', string: 'companyName' }` → `{ id: 'integer', companyType: 'integer', companyName: 'string' }`. */
function fields(byType: Partial<Record<FieldType, string>>): Record<string, FieldType> {
	const out: Record<string, FieldType> = {};
	for (const [type, names] of Object.entries(byType) as [FieldType, string][]) {
		for (const name of words(names)) out[name] = type;
	}
	return out;
}

/** `'a b c'` → `['a', 'b', 'c']`. */
const words = (list: string) => list.split(/\s+/).filter(Boolean);
const ref = (entity: string, word: string) => ({ entity, word });
const billingCode = ref('BillingCodes', 'BillingCode');

export const SIM_ENTITIES = {
	Companies: {
		word: 'Company',
		fields: fields({
			integer: 'id companyType ownerResourceID countryID parentCompanyID taxRegionID',
			string: 'companyName companyNumber phone address1 address2 city state postalCode webAddress',
			boolean: 'isActive isTaxExempt',
			datetime: 'lastActivityDate createDate',
			udfs: 'userDefinedFields'
		}),
		required: words('companyName companyType ownerResourceID phone'),
		references: { ownerResourceID: ref('Resources', 'Resource'), parentCompanyID: ref('Companies', 'Company') },
		create: true,
		update: true,
		remove: false
	},
	Contacts: {
		word: 'Contact',
		fields: fields({
			integer: 'id companyID isActive companyLocationID',
			string: 'firstName lastName emailAddress emailAddress2 emailAddress3 phone mobilePhone title externalID',
			boolean: 'primaryContact',
			datetime: 'lastModifiedDate createDate'
		}),
		required: words('companyID firstName lastName isActive'),
		references: { companyID: ref('Companies', 'Company') },
		parent: { entity: 'Companies', key: 'companyID', segment: 'Contacts' },
		create: true,
		update: true,
		remove: true
	},
	Opportunities: {
		word: 'Opportunity',
		fields: fields({
			integer: 'id companyID contactID ownerResourceID status stage probability opportunityCategoryID salesOrderID',
			string: 'title description',
			boolean: 'useQuoteTotals',
			double: 'amount cost',
			datetime: 'projectedCloseDate startDate closedDate lostDate lastActivity createDate',
			udfs: 'userDefinedFields'
		}),
		required: words(
			'title companyID ownerResourceID status stage probability amount cost projectedCloseDate startDate useQuoteTotals'
		),
		references: {
			companyID: ref('Companies', 'Company'),
			contactID: ref('Contacts', 'Contact'),
			ownerResourceID: ref('Resources', 'Resource')
		},
		create: true,
		update: true,
		remove: false
	},
	Quotes: {
		word: 'Quote',
		fields: fields({
			integer:
				'id opportunityID companyID contactID quoteTemplateID taxRegionID paymentTerm shippingType approvalStatus billToLocationID shipToLocationID soldToLocationID',
			string: 'name description externalQuoteNumber quoteNumber purchaseOrderNumber',
			boolean: 'primaryQuote isActive',
			datetime: 'effectiveDate expirationDate lastActivityDate createDate'
		}),
		required: words(
			'name opportunityID effectiveDate expirationDate billToLocationID shipToLocationID soldToLocationID'
		),
		references: {
			opportunityID: ref('Opportunities', 'Opportunity'),
			companyID: ref('Companies', 'Company'),
			contactID: ref('Contacts', 'Contact'),
			billToLocationID: ref('QuoteLocations', 'QuoteLocation'),
			shipToLocationID: ref('QuoteLocations', 'QuoteLocation'),
			soldToLocationID: ref('QuoteLocations', 'QuoteLocation')
		},
		create: true,
		update: true,
		remove: false
	},
	QuoteLocations: {
		word: 'QuoteLocation',
		fields: fields({ integer: 'id', string: 'address1 address2 city state postalCode' }),
		required: [],
		references: {},
		create: true,
		update: true,
		remove: false
	},
	QuoteItems: {
		word: 'QuoteItem',
		fields: fields({
			integer:
				'id quoteID quoteItemType taxCategoryID periodType productID serviceID serviceBundleID laborID chargeID expenseID shippingID',
			string: 'name description',
			boolean: 'isOptional isTaxable',
			double: 'quantity unitDiscount lineDiscount percentageDiscount unitPrice unitCost sortOrderID markupRate'
		}),
		required: words('quoteID quoteItemType quantity isOptional unitDiscount lineDiscount percentageDiscount'),
		references: { quoteID: ref('Quotes', 'Quote'), productID: ref('Products', 'Product') },
		parent: { entity: 'Quotes', key: 'quoteID', segment: 'Items' },
		create: true,
		update: true,
		remove: true
	},
	Products: {
		word: 'Product',
		fields: fields({
			integer: 'id productBillingCodeID defaultVendorID periodType billingType productCategory chargeBillingCodeID',
			string:
				'name sku description manufacturerName manufacturerProductName vendorProductNumber externalProductID internalProductID',
			boolean: 'isActive isSerialized doesNotRequireProcurement',
			double: 'unitCost unitPrice msrp markupRate',
			udfs: 'userDefinedFields'
		}),
		required: words('name isActive isSerialized productBillingCodeID'),
		references: { productBillingCodeID: billingCode, chargeBillingCodeID: billingCode },
		create: true,
		update: true,
		remove: false
	},
	BillingCodes: {
		word: 'BillingCode',
		fields: fields({
			integer: 'id billingCodeType useType taxCategoryID department',
			string: 'name description externalNumber generalLedgerAccount',
			boolean: 'isActive',
			double: 'unitCost unitPrice markupRate'
		}),
		required: [],
		references: {},
		create: false,
		update: false,
		remove: false
	},
	Resources: {
		word: 'Resource',
		fields: fields({
			integer: 'id licenseType userType',
			string: 'firstName lastName email userName resourceType title officePhone mobilePhone',
			boolean: 'isActive'
		}),
		required: [],
		references: {},
		create: false,
		update: true,
		remove: false
	},
	Tickets: {
		word: 'Ticket',
		fields: fields({ integer: 'id companyID status', string: 'title ticketNumber', datetime: 'createDate' }),
		required: [],
		references: {},
		create: false,
		update: false,
		remove: false
	},
	TicketCharges: {
		word: 'TicketCharge',
		fields: fields({
			integer: 'id ticketID chargeType billingCodeID productID status creatorResourceID',
			string: 'name description notes purchaseOrderNumber',
			boolean: 'isBillableToCompany isBilled',
			double: 'unitQuantity unitCost unitPrice extendedCost billableAmount',
			datetime: 'datePurchased createDate statusLastModifiedDate'
		}),
		required: words('name chargeType datePurchased unitQuantity ticketID'),
		references: {
			ticketID: ref('Tickets', 'Ticket'),
			billingCodeID: billingCode,
			productID: ref('Products', 'Product')
		},
		parent: { entity: 'Tickets', key: 'ticketID', segment: 'Charges' },
		create: true,
		update: true,
		remove: true
	},
	PurchaseOrders: {
		word: 'PurchaseOrder',
		fields: fields({
			integer: 'id vendorID status purchaseForCompanyID shippingType paymentTerm taxRegionID',
			string:
				'purchaseOrderNumber externalPONumber shipToName shipToAddress1 shipToAddress2 shipToCity shipToState shipToPostalCode generalMemo vendorInvoiceNumber',
			double: 'freight',
			datetime: 'submitDateTime cancelDateTime shippingDate latestEstimatedArrivalDate createDate'
		}),
		required: words('vendorID status shipToName shipToAddress1'),
		references: { vendorID: ref('Companies', 'Company'), purchaseForCompanyID: ref('Companies', 'Company') },
		create: true,
		update: true,
		remove: false
	},
	PurchaseOrderItems: {
		word: 'PurchaseOrderItem',
		fields: fields({
			integer: 'id orderID productID chargeID inventoryLocationID ticketID projectID contractID salesOrderID',
			string: 'memo',
			double: 'quantity unitCost',
			datetime: 'estimatedArrivalDate'
		}),
		required: words('orderID inventoryLocationID quantity unitCost'),
		references: {
			orderID: ref('PurchaseOrders', 'PurchaseOrder'),
			productID: ref('Products', 'Product'),
			inventoryLocationID: ref('InventoryLocations', 'InventoryLocation')
		},
		parent: { entity: 'PurchaseOrders', key: 'orderID', segment: 'Items' },
		create: true,
		update: true,
		remove: false
	},
	InventoryLocations: {
		word: 'InventoryLocation',
		fields: fields({ integer: 'id', string: 'locationName', boolean: 'isActive isDefault' }),
		required: [],
		references: {},
		create: false,
		update: false,
		remove: false
	}
} satisfies Record<string, EntityDef>;

export type SimEntityName = keyof typeof SIM_ENTITIES;

const BY_LOWER = new Map<string, SimEntityName>(
	Object.keys(SIM_ENTITIES).map((name) => [name.toLowerCase(), name as SimEntityName])
);

/** Entity names in URLs are matched case-insensitively, as Autotask's IIS host does. */
export function entityNamed(name: string): SimEntityName | undefined {
	return BY_LOWER.get(name.toLowerCase());
}

export function entityDef(entity: SimEntityName): EntityDef {
	return SIM_ENTITIES[entity];
}

/** The canonical spelling of a field (field names are case-insensitive, §1.4 [3P]). */
export function fieldNamed(entity: SimEntityName, name: string): string | undefined {
	const lower = name.toLowerCase();
	return Object.keys(SIM_ENTITIES[entity].fields).find((f) => f.toLowerCase() === lower);
}

/** The child entity a parent URL segment names (`Companies/{id}/Contacts` → Contacts). */
export function childAt(parent: SimEntityName, segment: string): SimEntityName | undefined {
	const lower = segment.toLowerCase();
	return (Object.keys(SIM_ENTITIES) as SimEntityName[]).find((name) => {
		const def: EntityDef = SIM_ENTITIES[name];
		return def.parent?.entity === parent && def.parent.segment.toLowerCase() === lower;
	});
}
