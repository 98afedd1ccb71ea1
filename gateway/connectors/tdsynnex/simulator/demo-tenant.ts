// The demo catalog's TD SYNNEX products as the simulator sells them (sandbox mode): every one-time
// product the demo sources from TD SYNNEX, by its manufacturer part number, at its cost. Stock is
// derived from the SKU so every start is the same; retired demo products are Discontinued and every
// ninth product is out of stock, so the Marketplace has something to show. Sandbox mode starts it here.

import type { Product } from '../../../../shared/schema/catalog-entities.ts';
import { demoProducts } from '../../../demo/demo-catalog.ts';
import type { TdSynnexCredentialsInput } from '../client/credentials.ts';
import type { SimProduct } from './catalog.ts';
import { buildWarehouses } from './seed-builders.ts';
import { createTdSynnexSimulator } from './simulator.ts';

export function tdSynnexDemoProducts(products: readonly Product[] = demoProducts()): SimProduct[] {
	return products
		.filter((p) => p.distributor === 'tdsynnex' && p.billing === 'one-time' && !p.noProcurement && p.mpn)
		.map((product, index) => ({
			synnexSku: String(13_382_000 + index * 7),
			mfgPN: product.mpn,
			mfgCode: product.sku.split('-')[1] ?? '',
			description: product.name.toUpperCase().slice(0, 80),
			priceCents: product.cost,
			status: product.active ? 'Active' : 'Discontinued',
			warehouses: buildWarehouses(index % 9 === 4 || !product.active ? 0 : 5 + ((index * 37) % 60))
		}));
}

/** Sandbox mode: a demo order ships a minute after it is placed, so the buyer sees it move. */
export const SANDBOX_SHIP_AFTER_MS = 60_000;

/** The demo organisation's TD SYNNEX settings, stored in its `distributors` row at sandbox start. */
export type TdSynnexSandboxSettings = { country: 'US' | 'CA'; orderingEnabled: boolean; preferenceRank: number };

export type TdSynnexSandbox = {
	tenant: { credentials: TdSynnexCredentialsInput; settings: TdSynnexSandboxSettings };
	close(): Promise<void>;
};

/** The simulator on a loopback port, selling the demo catalog, with the credentials that reach it. */
export async function startTdSynnexSandbox(): Promise<TdSynnexSandbox> {
	const sim = createTdSynnexSimulator({ log: () => {}, autoShipAfterMs: SANDBOX_SHIP_AFTER_MS });
	const { baseUrl } = await sim.listen();
	sim.control.seedProducts(tdSynnexDemoProducts());
	return {
		tenant: {
			credentials: { ...sim.control.credentials, baseUrl },
			settings: { country: 'US', orderingEnabled: true, preferenceRank: 2 }
		},
		close: sim.close
	};
}
