// The PSA side of a submitted distributor order (job kind createPsaPurchaseOrder): the order becomes
// one purchase order in the PSA, with the integration's Purchase Order billing code. Exactly once:
// the adapter links the PO the moment the PSA answers and finds it by its marker on a resumed run;
// this job records the finished PO, so the same order queued again later sends nothing.

import { PROVIDER_LABELS, type Provider } from '../../shared/psa/providers.ts';
import type { PsaAdapter, PsaFailure, PsaResult, PurchaseOrderToCreate, SyncContext } from '../psa/provider.ts';

/** A distributor order as the PSA purchase order needs it; the procurement module reads it from its entities. */
export type DistributorOrderForPsa = {
	orderId: string;
	/** The distributor's name, which is the PO's vendor in the PSA ("Ingram Micro", "TD SYNNEX"). */
	distributorName: string;
	/** The customer PO number the order was placed with at the distributor. */
	customerPoNumber: string;
	/** The Outpost company the goods are for, when the order has one. */
	companyId: string | null;
	shipTo: PurchaseOrderToCreate['shipTo'];
	lines: {
		lineId: string;
		productId: string | null;
		name: string;
		sku: string;
		quantity: number;
		/** Cents per unit. */
		unitCost: number;
	}[];
};

/** Reads a submitted order of the organisation; null when there is none by that id. */
export type LoadPurchaseOrderInput = (orgId: string, orderId: string) => Promise<DistributorOrderForPsa | null>;

export const PURCHASE_ORDER_MESSAGES = {
	notSupported: 'Purchase orders are not supported by this PSA.',
	orderNotFound: 'The distributor order was not found.',
	noSource: 'Purchase orders cannot be created yet: no distributor orders are connected.'
} as const;

/** Set once the PO has all its items: the order's PSA purchase order id. */
export const FINISHED_LINK = 'purchaseOrdersDone';

const permanent = (message: string): PsaFailure => ({ ok: false, kind: 'permanent', message });

export async function createPsaPurchaseOrder(
	adapter: PsaAdapter,
	ctx: SyncContext,
	provider: Provider,
	orderId: string,
	load: LoadPurchaseOrderInput | undefined
): Promise<PsaResult<{ externalId: string; summary: string }>> {
	if (!adapter.createPurchaseOrder) return permanent(PURCHASE_ORDER_MESSAGES.notSupported);
	const finished = await ctx.links.get(FINISHED_LINK, orderId);
	if (finished) return { ok: true, value: { externalId: finished, summary: summary(provider, finished) } };
	if (!load) return permanent(PURCHASE_ORDER_MESSAGES.noSource);
	const order = await load(ctx.orgId, orderId);
	if (!order) return permanent(PURCHASE_ORDER_MESSAGES.orderNotFound);
	const input = await toCreate(ctx, order);
	const created = await adapter.createPurchaseOrder(ctx, input);
	if (!created.ok) return created;
	await ctx.links.set(FINISHED_LINK, orderId, created.value.externalId);
	return { ok: true, value: { ...created.value, summary: summary(provider, created.value.externalId) } };
}

const summary = (provider: Provider, externalId: string) => `Purchase order ${externalId} in ${PROVIDER_LABELS[provider]}.`;

async function toCreate(ctx: SyncContext, order: DistributorOrderForPsa): Promise<PurchaseOrderToCreate> {
	const code = ctx.settings.purchaseOrderBillingCodeId;
	const lines = [];
	for (const line of order.lines) {
		const productExternalId = line.productId ? await ctx.links.get('products', line.productId) : null;
		lines.push({ ...line, productExternalId });
	}
	return {
		orderId: order.orderId,
		vendorName: order.distributorName,
		purchaseOrderNumber: order.customerPoNumber,
		shipTo: order.shipTo,
		companyExternalId: order.companyId ? await ctx.links.get('companies', order.companyId) : null,
		billingCodeId: typeof code === 'string' && code !== '' ? code : null,
		lines
	};
}
