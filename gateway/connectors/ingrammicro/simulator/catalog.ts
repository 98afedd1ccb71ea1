// The simulated Ingram catalog: products by Ingram part number and vendor part number, with cost, stock
// by warehouse, backorder and discontinued flags, and the P&A answer element for each (§4.4).

export type SimWarehouse = { warehouseId: string; location: string; quantityAvailable: number };

export type SimProduct = {
	ingramPartNumber: string;
	vendorPartNumber: string;
	vendorName: string;
	description: string;
	/** Reseller cost (customerPrice), in currency units. */
	customerPrice: number;
	retailPrice: number;
	currencyCode: string;
	warehouses: SimWarehouse[];
	acceptBackOrder: boolean;
	discontinued: boolean;
};

export type Catalog = {
	put(product: SimProduct): void;
	find(query: { ingramPartNumber?: unknown; vendorPartNumber?: unknown }): SimProduct | undefined;
	all(): SimProduct[];
	/** Takes `quantity` from the warehouses in order; answers what could not be taken (backordered). */
	take(product: SimProduct, quantity: number): number;
};

export function createCatalog(): Catalog {
	const byIngram = new Map<string, SimProduct>();
	const byVendor = new Map<string, SimProduct>();
	return {
		put(product) {
			byIngram.set(product.ingramPartNumber.toUpperCase(), product);
			byVendor.set(product.vendorPartNumber.toUpperCase(), product);
		},
		find({ ingramPartNumber, vendorPartNumber }) {
			if (typeof ingramPartNumber === 'string' && ingramPartNumber) return byIngram.get(ingramPartNumber.toUpperCase());
			if (typeof vendorPartNumber === 'string' && vendorPartNumber) return byVendor.get(vendorPartNumber.toUpperCase());
			return undefined;
		},
		all: () => [...byIngram.values()],
		take(product, quantity) {
			let left = quantity;
			for (const warehouse of product.warehouses) {
				const taken = Math.min(left, warehouse.quantityAvailable);
				warehouse.quantityAvailable -= taken;
				left -= taken;
			}
			return left;
		}
	};
}

export const totalStock = (product: SimProduct) => product.warehouses.reduce((n, w) => n + w.quantityAvailable, 0);

/** One P&A answer element; an unknown SKU is an element with a status code, not an HTTP error (§4.4). */
export function priceAndAvailabilityOf(
	index: number,
	asked: { ingramPartNumber?: unknown; vendorPartNumber?: unknown },
	product: SimProduct | undefined
): Record<string, unknown> {
	if (!product) {
		return {
			index,
			productStatusCode: 'E',
			productStatusMessage: 'Product not found',
			ingramPartNumber: typeof asked.ingramPartNumber === 'string' ? asked.ingramPartNumber : null,
			vendorPartNumber: typeof asked.vendorPartNumber === 'string' ? asked.vendorPartNumber : null
		};
	}
	const total = totalStock(product);
	return {
		index,
		productStatusCode: product.discontinued ? 'D' : 'A',
		productStatusMessage: product.discontinued ? 'Product discontinued' : 'Active',
		ingramPartNumber: product.ingramPartNumber,
		vendorPartNumber: product.vendorPartNumber,
		vendorName: product.vendorName,
		description: product.description,
		productClass: 'C',
		uom: 'EA',
		acceptBackOrder: product.acceptBackOrder && !product.discontinued,
		productAuthorized: true,
		returnableProduct: true,
		endUserInfoRequired: false,
		pricing: {
			currencyCode: product.currencyCode,
			retailPrice: product.retailPrice,
			mapPrice: 0,
			customerPrice: product.customerPrice,
			specialBidPricingAvailable: false,
			webDiscountsAvailable: false
		},
		availability: {
			available: total > 0 && !product.discontinued,
			totalAvailability: product.discontinued ? 0 : total,
			availabilityByWarehouse: product.warehouses.map((w) => ({
				location: w.location,
				warehouseId: w.warehouseId,
				quantityAvailable: product.discontinued ? 0 : w.quantityAvailable,
				quantityBackordered: 0,
				quantityOnOrder: 0
			}))
		},
		discounts: [],
		serviceFees: [],
		subscriptionPrice: []
	};
}
