// Catalog records to seed the simulator with; every field has a plain default.

import type { SimProduct } from './catalog.ts';

let counter = 0;

export function buildProduct(overrides: Partial<SimProduct> = {}): SimProduct {
	counter += 1;
	return {
		ingramPartNumber: `SIM${String(counter).padStart(5, '0')}`,
		vendorPartNumber: `VPN-${counter}`,
		vendorName: 'CONTOSO',
		description: `Simulated product ${counter}`,
		customerPrice: 100,
		retailPrice: 140,
		currencyCode: 'USD',
		warehouses: [
			{ warehouseId: '10', location: 'Mira Loma, CA', quantityAvailable: 40 },
			{ warehouseId: '40', location: 'Carol Stream, IL', quantityAvailable: 17 }
		],
		acceptBackOrder: true,
		discontinued: false,
		...overrides
	};
}
