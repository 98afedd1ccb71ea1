// Each distributor's P&A answer as the Marketplace's offers: one shape for Ingram Micro's and TD
// SYNNEX's readings, so picking a source and showing stock know nothing of either wire. Pure.

import type { Offer, OfferStatus } from '../../shared/marketplace/availability.ts';
import type { ProductAvailability } from '../connectors/ingrammicro/client/availability.ts';
import type { PriceAvailability } from '../connectors/tdsynnex/client/values.ts';

export function ingramOffer(item: ProductAvailability, asOf: number): Offer {
	return {
		distributor: 'ingrammicro',
		distributorSku: item.ingramPartNumber,
		description: item.description,
		status: item.status,
		discontinued: item.status === 'discontinued',
		costCents: item.costCents,
		currencyCode: item.currencyCode,
		stock: item.totalAvailable,
		warehouses: item.warehouses.map((w) => ({
			id: w.warehouseId,
			location: w.location,
			quantity: w.quantityAvailable
		})),
		asOf
	};
}

export function tdSynnexOffer(item: PriceAvailability, asOf: number): Offer {
	return {
		distributor: 'tdsynnex',
		distributorSku: item.synnexSku,
		description: item.description,
		status: tdSynnexStatus(item),
		discontinued: item.status === 'discontinued',
		costCents: item.unitCostCents,
		// EC Express answers in the account's currency and does not name it.
		currencyCode: null,
		stock: item.totalQuantity,
		warehouses: item.warehouses.map((w) => ({ id: w.number, location: w.city, quantity: w.quantity })),
		asOf
	};
}

function tdSynnexStatus(item: PriceAvailability): OfferStatus {
	if (item.status === 'discontinued') return 'discontinued';
	if (item.status === 'not_found') return 'unknown_product';
	return item.totalQuantity > 0 ? 'available' : 'out_of_stock';
}
