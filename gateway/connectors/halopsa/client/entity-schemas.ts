// Zod schemas of the HaloPSA records Outpost reads and writes (psa-apis.md §3.5 key fields [S], §3.6).
// Loose objects: Halo sends far more fields than these, and the client keeps them.

import { z } from 'zod';

const id = z.number().int();
const text = z.string().nullish();
const amount = z.number().nullish();
const flag = z.boolean().nullish();
const ref = id.nullish();

/** `Area` */
export const clientSchema = z.looseObject({
	id,
	name: z.string(),
	inactive: flag,
	toplevel_id: ref,
	main_site_id: ref,
	website: text,
	ref: text
});

/** `Users`: customer contacts (§3.6), referenced by `user_id`. */
export const userSchema = z.looseObject({
	id,
	name: text,
	firstname: text,
	surname: text,
	emailaddress: text,
	client_id: ref,
	site_id: ref,
	inactive: flag,
	linked_agent_id: ref
});

/** `Uname`: the MSP's staff (§3.6), referenced by `agent_id`. */
export const agentSchema = z.looseObject({
	id,
	name: text,
	email: text,
	firstname: text,
	surname: text,
	isdisabled: flag,
	is_agent: flag,
	isapiagent: flag
});

/** `Faults` with the opportunity fields. */
export const opportunitySchema = z.looseObject({
	id,
	summary: text,
	details: text,
	tickettype_id: ref,
	status_id: ref,
	client_id: ref,
	site_id: ref,
	user_id: ref,
	agent_id: ref,
	oppvalue: amount,
	oppcompanyname: text,
	oppcontactname: text,
	oppemailaddress: text
});

/** `QuotationDetail`; `quantity` is [3P]/[UNVERIFIED] (§3.5). */
export const quotationLineSchema = z.looseObject({
	id: ref,
	qhid: ref,
	item_id: ref,
	name: text,
	productcode: text,
	description: text,
	note: text,
	quantity: amount,
	baseprice: amount,
	costprice: amount,
	discount_perc: amount,
	total_price: amount,
	net_total: amount,
	item_recurring: flag,
	optional: flag,
	sort_seq: z.number().nullish()
});

/** `QuotationHeader` with its lines. */
export const quotationSchema = z.looseObject({
	id,
	title: text,
	client_id: ref,
	site_id: ref,
	user_id: ref,
	agent_id: ref,
	ticket_id: ref,
	status: z.number().nullish(),
	date: text,
	expiry_date: text,
	note: text,
	total: amount,
	lines: z.array(quotationLineSchema).nullish()
});

/** `Item`: a product. */
export const itemSchema = z.looseObject({
	id,
	name: z.string(),
	description: text,
	baseprice: amount,
	costprice: amount,
	supplier_part_code: text,
	externalreference: text,
	isrecurringitem: flag,
	inactive: flag
});

/** `Supplier`: a vendor, the distributor a purchase order is placed with. */
export const supplierSchema = z.looseObject({ id, name: z.string(), inactive: flag });

/** `SupplierOrderDetail` [UNVERIFIED]: named like a quotation line (`item_id`, `quantity`, `costprice`). */
export const purchaseOrderLineSchema = z.looseObject({
	id: ref,
	item_id: ref,
	description: text,
	productcode: text,
	quantity: amount,
	costprice: amount,
	sort_seq: z.number().nullish()
});

/** `SupplierOrderHeader` with its lines. */
export const purchaseOrderSchema = z.looseObject({
	id,
	supplier_id: ref,
	supplier_name: text,
	client_id: ref,
	status: z.number().nullish(),
	po_ref: text,
	date: text,
	deliver_to_us: flag,
	total: amount,
	lines: z.array(purchaseOrderLineSchema).nullish()
});

export type HaloClientRecord = z.infer<typeof clientSchema>;
export type HaloUser = z.infer<typeof userSchema>;
export type HaloAgent = z.infer<typeof agentSchema>;
export type HaloOpportunity = z.infer<typeof opportunitySchema>;
export type HaloQuotation = z.infer<typeof quotationSchema>;
export type HaloQuotationLine = z.infer<typeof quotationLineSchema>;
export type HaloItem = z.infer<typeof itemSchema>;
export type HaloPurchaseOrderLine = z.infer<typeof purchaseOrderLineSchema>;
