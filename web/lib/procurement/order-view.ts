// What the order screen offers (issue 13, seed 002), pure: the actions an order allows, where a held
// line can go instead (the other distributor, a replacement product), and the draft a re-sourced line
// moves to, the same one changePurchaseOrderLine picks.

import { isEditable, RETRYABLE } from '../../../shared/procurement/purchase-order-rules.ts';
import type { Product } from '../../../shared/schema/catalog-entities.ts';
import { DISTRIBUTORS, type DistributorName } from '../../../shared/schema/distributor-entities.ts';
import type { PurchaseOrder, PurchaseOrderLine } from '../../../shared/schema/purchase-order-entities.ts';

export type OrderActions = {
	/** A draft with at least one line to send. */
	submit: boolean;
	cancel: boolean;
	/** Something failed: send it again (seed: "Check the error details and retry"). */
	retry: boolean;
	/** Placed and still moving: ask the distributor for its status now, without waiting for the poll. */
	checkStatus: boolean;
	/** Lines may change quantity and source. */
	edit: boolean;
};

export function orderActions(order: PurchaseOrder, lines: readonly PurchaseOrderLine[]): OrderActions {
	const draft = isEditable(order);
	const retryable = RETRYABLE.has(order.status);
	return {
		submit: draft && lines.some((l) => l.status === 'open' || l.status === 'held'),
		cancel: draft,
		retry: retryable && order.error !== null,
		checkStatus: retryable && order.error === null && order.placedAt !== null,
		edit: draft
	};
}

export const otherDistributor = (name: DistributorName): DistributorName =>
	DISTRIBUTORS.find((d) => d !== name) ?? name;

/** Products that can take a held line's place: orderable, active, in the line's category, by name. */
export function replacementsFor(line: PurchaseOrderLine, products: readonly Product[]): Product[] {
	const current = products.find((p) => p.id === line.productId);
	return products
		.filter(
			(p) =>
				p.id !== line.productId &&
				p.active &&
				!p.noProcurement &&
				(current?.categoryId == null || p.categoryId === current.categoryId)
		)
		.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * The draft a line re-sourced to `distributor` lands in: the oldest draft of that distributor that
 * orders the line's quote, else null (the mutation then drafts a new order with the id it is given).
 */
export function existingDraftFor(
	orders: readonly PurchaseOrder[],
	distributor: DistributorName,
	quoteId: string
): PurchaseOrder | null {
	return (
		orders
			.filter((o) => o.distributor === distributor && isEditable(o) && o.quoteIds.includes(quoteId))
			.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))[0] ?? null
	);
}

/** Every tracking number of the order's lines, each once, in line order. */
export const trackingOf = (lines: readonly PurchaseOrderLine[]): string[] => [
	...new Set(lines.flatMap((l) => l.tracking))
];

/** The distributor the catalog sources a product from, in the procurement queue's names. */
export function catalogSource(product: Pick<Product, 'distributor'>): DistributorName | null {
	if (product.distributor === 'ingram') return 'ingrammicro';
	return product.distributor === 'tdsynnex' ? 'tdsynnex' : null;
}
