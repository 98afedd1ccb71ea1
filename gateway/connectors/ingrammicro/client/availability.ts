// One P&A answer element as what procurement needs: cost, stock by warehouse, and whether it can be
// ordered at all (psa-apis.md §4.4). Pure.

import type { UnavailableReason } from './failures.ts';
import type { PriceAndAvailabilityItem } from './wire-schemas.ts';

export type ProductAvailability = {
	/** The position in the caller's list. */
	index: number;
	ingramPartNumber: string | null;
	vendorPartNumber: string | null;
	description: string | null;
	/** `available`, or why it cannot be ordered now. */
	status: 'available' | 'backorder' | UnavailableReason;
	/** Ingram's words when it is not simply available. */
	statusMessage: string | null;
	/** Reseller cost in the currency's minor unit (cents). */
	costCents: number | null;
	currencyCode: string | null;
	totalAvailable: number;
	warehouses: { warehouseId: string | null; location: string | null; quantityAvailable: number }[];
};

// [GUESS] productStatusCode values are undocumented: the simulator answers `E` for an unknown SKU and
// `D` for a discontinued one; the message text is read as well, so Ingram's real wording also lands.
const UNKNOWN = /not found|invalid|does not exist/i;
const DISCONTINUED = /discontinu/i;

export function toAvailability(item: PriceAndAvailabilityItem, index: number): ProductAvailability {
	const code = (item.productStatusCode ?? '').toUpperCase();
	const message = item.productStatusMessage?.trim() || null;
	const warehouses = (item.availability?.availabilityByWarehouse ?? []).map((w) => ({
		warehouseId: w.warehouseId ?? null,
		location: w.location ?? null,
		quantityAvailable: Math.max(0, w.quantityAvailable ?? 0)
	}));
	const totalAvailable = Math.max(
		0,
		item.availability?.totalAvailability ?? warehouses.reduce((n, w) => n + w.quantityAvailable, 0)
	);
	const price = item.pricing?.customerPrice;
	return {
		index,
		ingramPartNumber: item.ingramPartNumber ?? null,
		vendorPartNumber: item.vendorPartNumber ?? null,
		description: item.description ?? null,
		status: statusOf(code, message, item, totalAvailable),
		statusMessage: message,
		costCents: price === null || price === undefined ? null : Math.round(price * 100),
		currencyCode: item.pricing?.currencyCode ?? null,
		totalAvailable,
		warehouses
	};
}

function statusOf(
	code: string,
	message: string | null,
	item: PriceAndAvailabilityItem,
	totalAvailable: number
): ProductAvailability['status'] {
	if (code === 'D' || item.discontinued === true || DISCONTINUED.test(message ?? '')) return 'discontinued';
	if (code === 'E' || UNKNOWN.test(message ?? '')) return 'unknown_product';
	if (totalAvailable > 0) return 'available';
	return item.acceptBackOrder ? 'backorder' : 'out_of_stock';
}
