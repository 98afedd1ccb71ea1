// The PSA side of a submitted distributor order (job kind createPsaPurchaseOrder): the order becomes
// one purchase order in the PSA, with the integration's Purchase Order billing code. Exactly once:
// the adapter links the PO the moment the PSA answers and finds it by its marker on a resumed run;
// this job records the finished PO, so the same order queued again later sends nothing.

import { z } from 'zod';
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

const text = (max: number) =>
	z
		.string()
		.max(max)
		.refine((s) => !s.includes('\u0000'), 'no NUL');
const id = z.string().min(1).max(64);

/** What an order must be before any of it reaches a PSA: the loader's answer is checked, not trusted. */
export const distributorOrderForPsaSchema = z.object({
	orderId: id,
	distributorName: text(100).refine((s) => s.trim() !== '', 'a name'),
	customerPoNumber: text(50).refine((s) => s.trim() !== '', 'a number'),
	companyId: id.nullable(),
	shipTo: z.object({ name: text(100), address1: text(128), city: text(50), state: text(25), postalCode: text(20) }),
	lines: z
		.array(
			z.object({
				lineId: id,
				productId: id.nullable(),
				name: text(300),
				sku: text(100),
				quantity: z.number().int().positive().max(1_000_000),
				unitCost: z.number().int().nonnegative().max(1e12)
			})
		)
		.min(1)
		.max(500)
});

/** Reads a submitted order of the organisation; null when there is none by that id. */
export type LoadPurchaseOrderInput = (orgId: string, orderId: string) => Promise<DistributorOrderForPsa | null>;

export const PURCHASE_ORDER_MESSAGES = {
	notSupported: 'Purchase orders are not supported by this PSA.',
	orderNotFound: 'The distributor order was not found.',
	orderInvalid: 'The distributor order cannot become a purchase order',
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
	const loaded = await load(ctx.orgId, orderId);
	if (!loaded) return permanent(PURCHASE_ORDER_MESSAGES.orderNotFound);
	const order = distributorOrderForPsaSchema.safeParse(loaded);
	if (!order.success || order.data.orderId !== orderId) {
		const issue = order.success ? { path: ['orderId'], message: 'another order' } : order.error.issues[0]!;
		return permanent(`${PURCHASE_ORDER_MESSAGES.orderInvalid}: ${issue.path.join('.')} ${issue.message}.`);
	}
	const input = await toCreate(ctx, order.data);
	const created = await adapter.createPurchaseOrder(ctx, input);
	if (!created.ok) return created;
	await ctx.links.set(FINISHED_LINK, orderId, created.value.externalId);
	return { ok: true, value: { ...created.value, summary: summary(provider, created.value.externalId) } };
}

const summary = (provider: Provider, externalId: string) =>
	`Purchase order ${externalId} in ${PROVIDER_LABELS[provider]}.`;

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
