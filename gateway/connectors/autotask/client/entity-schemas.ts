// Zod schemas of the Autotask records Outpost reads (REST field names, psa-apis.md §1.5 "Key entity
// fields"). Every field but `id` may be absent or null on the wire; unknown fields are kept.

import { z } from 'zod';
import type { EntityName } from './entities.ts';

const int = z.number().int();
const num = z.number();
const text = z.string();
const flag = z.boolean();
/** ISO 8601 date-times as Autotask sends them; parsed where they are used. */
const dateTime = z.string();
const opt = <T extends z.ZodType>(schema: T) => schema.nullish();

const udfs = z.array(z.looseObject({ name: z.string(), value: z.unknown() })).nullish();

export const companyRecord = z.looseObject({
	id: int,
	companyName: opt(text),
	companyNumber: opt(text),
	companyType: opt(int),
	ownerResourceID: opt(int),
	phone: opt(text),
	address1: opt(text),
	address2: opt(text),
	city: opt(text),
	state: opt(text),
	postalCode: opt(text),
	countryID: opt(int),
	webAddress: opt(text),
	isActive: opt(flag),
	lastActivityDate: opt(dateTime),
	createDate: opt(dateTime),
	userDefinedFields: udfs
});

export const contactRecord = z.looseObject({
	id: int,
	companyID: opt(int),
	firstName: opt(text),
	lastName: opt(text),
	emailAddress: opt(text),
	phone: opt(text),
	mobilePhone: opt(text),
	title: opt(text),
	/** An integer 0/1 on the wire, not a boolean (§1.5). */
	isActive: opt(z.union([int, flag])),
	externalID: opt(text),
	lastModifiedDate: opt(dateTime)
});

export const opportunityRecord = z.looseObject({
	id: int,
	title: opt(text),
	companyID: opt(int),
	contactID: opt(int),
	ownerResourceID: opt(int),
	status: opt(int),
	stage: opt(int),
	probability: opt(num),
	amount: opt(num),
	cost: opt(num),
	projectedCloseDate: opt(dateTime),
	startDate: opt(dateTime),
	useQuoteTotals: opt(flag),
	description: opt(text),
	lastActivity: opt(dateTime),
	createDate: opt(dateTime)
});

export const quoteRecord = z.looseObject({
	id: int,
	name: opt(text),
	opportunityID: opt(int),
	companyID: opt(int),
	contactID: opt(int),
	description: opt(text),
	effectiveDate: opt(dateTime),
	expirationDate: opt(dateTime),
	externalQuoteNumber: opt(text),
	quoteNumber: opt(text),
	primaryQuote: opt(flag),
	paymentTerm: opt(int),
	shippingType: opt(int),
	billToLocationID: opt(int),
	shipToLocationID: opt(int),
	soldToLocationID: opt(int),
	isActive: opt(flag),
	lastActivityDate: opt(dateTime),
	createDate: opt(dateTime)
});

export const quoteLocationRecord = z.looseObject({
	id: int,
	address1: opt(text),
	address2: opt(text),
	city: opt(text),
	state: opt(text),
	postalCode: opt(text)
});

export const quoteItemRecord = z.looseObject({
	id: int,
	quoteID: opt(int),
	quoteItemType: opt(int),
	productID: opt(int),
	serviceID: opt(int),
	chargeID: opt(int),
	name: opt(text),
	description: opt(text),
	quantity: opt(num),
	unitPrice: opt(num),
	unitCost: opt(num),
	unitDiscount: opt(num),
	lineDiscount: opt(num),
	percentageDiscount: opt(num),
	isOptional: opt(flag),
	isTaxable: opt(flag),
	periodType: opt(int),
	sortOrderID: opt(num)
});

export const productRecord = z.looseObject({
	id: int,
	name: opt(text),
	description: opt(text),
	sku: opt(text),
	manufacturerName: opt(text),
	manufacturerProductName: opt(text),
	unitCost: opt(num),
	unitPrice: opt(num),
	msrp: opt(num),
	isActive: opt(flag),
	isSerialized: opt(flag),
	productBillingCodeID: opt(int),
	chargeBillingCodeID: opt(int),
	externalProductID: opt(text),
	periodType: opt(int),
	productCategory: opt(int),
	doesNotRequireProcurement: opt(flag)
});

export const billingCodeRecord = z.looseObject({
	id: int,
	name: opt(text),
	description: opt(text),
	billingCodeType: opt(int),
	useType: opt(int),
	unitCost: opt(num),
	unitPrice: opt(num),
	isActive: opt(flag),
	externalNumber: opt(text)
});

export const resourceRecord = z.looseObject({
	id: int,
	firstName: opt(text),
	lastName: opt(text),
	email: opt(text),
	userName: opt(text),
	isActive: opt(flag),
	licenseType: opt(int),
	resourceType: opt(text),
	title: opt(text)
});

export const ticketChargeRecord = z.looseObject({
	id: int,
	ticketID: opt(int),
	name: opt(text),
	description: opt(text),
	chargeType: opt(int),
	status: opt(int),
	billingCodeID: opt(int),
	productID: opt(int),
	unitQuantity: opt(num),
	unitCost: opt(num),
	unitPrice: opt(num),
	datePurchased: opt(dateTime),
	isBillableToCompany: opt(flag),
	isBilled: opt(flag),
	purchaseOrderNumber: opt(text),
	createDate: opt(dateTime),
	statusLastModifiedDate: opt(dateTime)
});

export const ticketRecord = z.looseObject({
	id: int,
	ticketNumber: opt(text),
	title: opt(text),
	companyID: opt(int),
	status: opt(int)
});

export const purchaseOrderRecord = z.looseObject({
	id: int,
	vendorID: opt(int),
	status: opt(int),
	purchaseForCompanyID: opt(int),
	purchaseOrderNumber: opt(text),
	externalPONumber: opt(text),
	shipToName: opt(text),
	shipToAddress1: opt(text),
	shipToCity: opt(text),
	shipToState: opt(text),
	shipToPostalCode: opt(text),
	generalMemo: opt(text),
	submitDateTime: opt(dateTime)
});

export const purchaseOrderItemRecord = z.looseObject({
	id: int,
	orderID: opt(int),
	productID: opt(int),
	chargeID: opt(int),
	inventoryLocationID: opt(int),
	quantity: opt(num),
	unitCost: opt(num),
	memo: opt(text)
});

export const inventoryLocationRecord = z.looseObject({
	id: int,
	locationName: opt(text),
	isActive: opt(flag),
	isDefault: opt(flag)
});

export const ENTITY_SCHEMAS = {
	Companies: companyRecord,
	Contacts: contactRecord,
	Opportunities: opportunityRecord,
	Quotes: quoteRecord,
	QuoteLocations: quoteLocationRecord,
	QuoteItems: quoteItemRecord,
	Products: productRecord,
	BillingCodes: billingCodeRecord,
	Resources: resourceRecord,
	TicketCharges: ticketChargeRecord,
	Tickets: ticketRecord,
	PurchaseOrders: purchaseOrderRecord,
	PurchaseOrderItems: purchaseOrderItemRecord,
	InventoryLocations: inventoryLocationRecord
} as const satisfies Record<EntityName, z.ZodType>;

/** The record type of an entity as read from Autotask. */
export type AutotaskRecord<E extends EntityName> = z.infer<(typeof ENTITY_SCHEMAS)[E]>;
/** A create body: the record's fields without `id`, each optional (Autotask checks what is required). */
export type CreateBody<E extends EntityName> = Partial<Omit<AutotaskRecord<E>, 'id'>>;

export type AutotaskCompany = AutotaskRecord<'Companies'>;
export type AutotaskContact = AutotaskRecord<'Contacts'>;
export type AutotaskOpportunity = AutotaskRecord<'Opportunities'>;
export type AutotaskQuote = AutotaskRecord<'Quotes'>;
export type AutotaskQuoteItem = AutotaskRecord<'QuoteItems'>;
export type AutotaskProduct = AutotaskRecord<'Products'>;
export type AutotaskBillingCode = AutotaskRecord<'BillingCodes'>;
export type AutotaskResource = AutotaskRecord<'Resources'>;
export type AutotaskTicketCharge = AutotaskRecord<'TicketCharges'>;
export type AutotaskTicket = AutotaskRecord<'Tickets'>;
