// Products to seed the TD SYNNEX simulator with: sensible defaults, any field overridden.

import type { SimProduct, SimWarehouse } from './catalog.ts';

/** Two US warehouses (§5.2 sample: 503 Swedesboro, NJ) and the vendor drop-ship warehouse 98. */
export function buildWarehouses(qty: number): SimWarehouse[] {
	const east = Math.ceil(qty / 2);
	return [
		{ number: '503', city: 'Swedesboro,NJ', zipcode: '08085', addr: '1 Technology Drive', qty: east },
		{ number: '3', city: 'Fremont,CA', zipcode: '94538', addr: '44201 Nobel Drive', qty: qty - east }
	];
}

let next = 0;

export function buildProduct(overrides: Partial<SimProduct> & { stock?: number } = {}): SimProduct {
	next += 1;
	const { stock, ...fields } = overrides;
	return {
		synnexSku: String(14_000_000 + next),
		mfgPN: `TEST-MPN-${next}`,
		mfgCode: '82781',
		description: `Test product ${next}`,
		priceCents: 10_000,
		status: 'Active',
		warehouses: buildWarehouses(stock ?? 25),
		...fields
	};
}
