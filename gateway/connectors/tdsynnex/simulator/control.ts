// The simulator's control surface for tests and the demo: the catalog (stock, discontinued items),
// the orders (ship, partial shipment, the slow PO), faults and maintenance windows, and the calls
// served. Never reachable over HTTP.

import type { Catalog, SimProduct } from './catalog.ts';
import type { SimCredentials } from './endpoints.ts';
import type { FaultQueue, FaultSpec } from './faults.ts';
import type { Orders, SimOrder } from './orders.ts';

export type TdSynnexSimulatorControl = {
	readonly credentials: SimCredentials;
	seedProducts(products: SimProduct[]): void;
	/** By TD SYNNEX SKU or manufacturer part number. */
	product(key: string): SimProduct | undefined;
	products(): SimProduct[];
	/** The stock of one product, all of it in its first warehouse. */
	setStock(key: string, quantity: number): void;
	/** Discontinued at TD SYNNEX (since the quote was made). */
	discontinue(key: string): void;
	orders(): SimOrder[];
	order(poNumber: string): SimOrder | undefined;
	/** Orders stored with this customer PO number: 1 after a correct submission, whatever was retried. */
	ordersWithPoNumber(poNumber: string): number;
	/** Ships a line (or every line), all of it or `quantity` of it: a partial shipment. */
	ship(poNumber: string, options?: { lineNumber?: number; quantity?: number; trackingNumber?: string }): void;
	/** The slow PO: stays in Processing (true) until released (false). */
	holdInProcessing(poNumber: string, held: boolean): void;
	inject(...faults: FaultSpec[]): void;
	/** The `n`th request from now (1: the next) is played as `kind`, whatever its path. */
	faultAtRequest(n: number, kind: 'connection_reset' | 'reset_after'): void;
	/** Every request between `from` and `until` (the simulator's clock) answers a 503 maintenance page. */
	maintenanceWindow(from: number, until: number): void;
	pendingFaults(): number;
	clearFaults(): void;
	/** Calls served, by endpoint: `{ 'POST /SynnexXML/PO': 1 }`. Faulted requests count too. */
	calls(): Record<string, number>;
	callCount(endpoint: string): number;
	totalCalls(): number;
	resetCalls(): void;
};

export type ControlDeps = {
	catalog: Catalog;
	orders: Orders;
	faults: FaultQueue;
	credentials: SimCredentials;
	calls: Map<string, number>;
	triggers: Map<number, 'connection_reset' | 'reset_after'>;
	served: () => number;
	maintenance: { from: number; until: number }[];
};

export function createTdSynnexControl(deps: ControlDeps): TdSynnexSimulatorControl {
	const existing = (key: string) => {
		const product = deps.catalog.find(key);
		if (!product) throw new Error(`The TD SYNNEX simulator has no product ${key}.`);
		return product;
	};
	return {
		credentials: deps.credentials,
		seedProducts: (products) => products.forEach((p) => deps.catalog.put(structuredClone(p))),
		product: (key) => deps.catalog.find(key),
		products: () => deps.catalog.all(),
		setStock(key, quantity) {
			const product = existing(key);
			product.warehouses.forEach((w, i) => (w.qty = i === 0 ? quantity : 0));
			if (product.warehouses.length === 0) throw new Error(`${key} has no warehouse to stock.`);
		},
		discontinue(key) {
			existing(key).status = 'Discontinued';
		},
		orders: () => deps.orders.all(),
		order: (poNumber) => deps.orders.all().find((o) => o.poNumber === poNumber),
		ordersWithPoNumber: (poNumber) => deps.orders.count(poNumber),
		ship: (poNumber, options) => deps.orders.ship(poNumber, options),
		holdInProcessing: (poNumber, held) => deps.orders.setStuck(poNumber, held),
		inject: (...specs) => specs.forEach((spec) => deps.faults.add(spec)),
		faultAtRequest(n, kind) {
			if (!Number.isInteger(n) || n < 1) throw new Error('n counts requests from 1 (the next one).');
			deps.triggers.set(deps.served() + n, kind);
		},
		maintenanceWindow(from, until) {
			deps.maintenance.push({ from, until });
		},
		pendingFaults: () => deps.faults.pending() + deps.triggers.size,
		clearFaults() {
			deps.faults.clear();
			deps.triggers.clear();
			deps.maintenance.length = 0;
		},
		calls: () => Object.fromEntries(deps.calls),
		callCount: (endpoint) => deps.calls.get(endpoint) ?? 0,
		totalCalls: () => [...deps.calls.values()].reduce((a, b) => a + b, 0),
		resetCalls: () => deps.calls.clear()
	};
}
