// The sandbox's Ingram Micro catalog: every demo product Ingram supplies (gateway/demo), at its cost,
// with stock that varies by product, a few out of stock without backorder, and the retired models
// discontinued. Deterministic: the same stock on every start.

import { demoProducts } from '../../../demo/demo-catalog.ts';
import type { IngramSimulatorControl } from './control.ts';
import { buildProduct } from './seed-builders.ts';

/** A stable Ingram SKU for a demo product: `IM` and six digits from its SKU. */
export function demoIngramPartNumber(sku: string): string {
	let hash = 0;
	for (const char of sku) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000;
	return `IM${String(hash).padStart(6, '0')}`;
}

export function seedIngramDemo(control: IngramSimulatorControl): number {
	const products = demoProducts().filter((p) => p.distributor === 'ingram' && !p.noProcurement && p.mpn);
	products.forEach((p, i) => {
		const stock = i % 11 === 5 ? 0 : 5 + ((i * 37) % 120);
		control.seedProducts(
			buildProduct({
				ingramPartNumber: demoIngramPartNumber(p.sku),
				vendorPartNumber: p.mpn,
				vendorName: p.name.split(' ')[0]!.toUpperCase(),
				description: p.name,
				customerPrice: p.cost / 100,
				retailPrice: p.price / 100,
				warehouses: [
					{ warehouseId: '10', location: 'Mira Loma, CA', quantityAvailable: Math.ceil(stock * 0.6) },
					{ warehouseId: '40', location: 'Carol Stream, IL', quantityAvailable: Math.floor(stock * 0.4) }
				],
				// Every eleventh product is out of stock; half of those cannot be backordered.
				acceptBackOrder: i % 22 !== 5,
				discontinued: !p.active
			})
		);
	});
	return products.length;
}
