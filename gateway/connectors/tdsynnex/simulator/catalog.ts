// The simulated TD SYNNEX catalog: products by TD SYNNEX SKU and by manufacturer part number, each
// with its reseller price, its stock per warehouse and its status (Active or Discontinued, §5.2).

export type SimWarehouse = { number: string; city: string; zipcode: string; addr: string; qty: number };

export type SimProduct = {
	synnexSku: string;
	mfgPN: string;
	mfgCode: string;
	description: string;
	priceCents: number;
	status: 'Active' | 'Discontinued';
	warehouses: SimWarehouse[];
};

export type Catalog = {
	put(product: SimProduct): void;
	/** By TD SYNNEX SKU or, failing that, by manufacturer part number (case-insensitive). */
	find(key: string): SimProduct | undefined;
	bySku(sku: string): SimProduct | undefined;
	byMfgPN(mfgPN: string): SimProduct | undefined;
	all(): SimProduct[];
};

export const stockOf = (product: SimProduct) => product.warehouses.reduce((n, w) => n + w.qty, 0);

export function createCatalog(): Catalog {
	const bySku = new Map<string, SimProduct>();
	const byMpn = new Map<string, SimProduct>();
	return {
		put(product) {
			bySku.set(product.synnexSku, product);
			byMpn.set(product.mfgPN.toLowerCase(), product);
		},
		find: (key) => bySku.get(key) ?? byMpn.get(key.toLowerCase()),
		bySku: (sku) => bySku.get(sku),
		byMfgPN: (mfgPN) => byMpn.get(mfgPN.toLowerCase()),
		all: () => [...bySku.values()]
	};
}

/** Takes `quantity` from the warehouses in order; false (nothing taken) when there is not enough. */
export function takeStock(product: SimProduct, quantity: number): boolean {
	if (stockOf(product) < quantity) return false;
	let left = quantity;
	for (const warehouse of product.warehouses) {
		const taken = Math.min(warehouse.qty, left);
		warehouse.qty -= taken;
		left -= taken;
	}
	return true;
}
