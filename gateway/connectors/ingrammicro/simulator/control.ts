// The simulator's control surface for tests and the demo: seed and change the catalog, set standing
// conditions (maintenance window, revoked tokens or credentials, a wrong customer number), move orders
// along (ship, partial shipment, deliver, hold, stay in Processing), inject faults, read the calls.
// Never reachable over HTTP.

import type { Catalog, SimProduct } from './catalog.ts';
import { callControl, faultControl, type CallControl, type FaultControl } from '../../common/simulator/control.ts';
import type { Fault, FaultQueue } from './faults.ts';
import type { Conditions } from './guard.ts';
import { orderStatus, type OrderBook, type SimOrder } from './orders.ts';
import type { SimCredentials } from './routes.ts';
import type { TokenStore } from './tokens.ts';
import type { LoggedRequest, Usage } from './usage.ts';
import type { WebhookDelivery, WebhookSender, WebhookTarget } from './webhooks.ts';

export type IngramSimulatorControl = FaultControl<Fault> &
	CallControl & {
		readonly credentials: SimCredentials;
		seedProducts(...products: SimProduct[]): void;
		product(ingramPartNumber: string): SimProduct | undefined;
		/** Stock now in the first warehouse only (0: out of stock). */
		setStock(ingramPartNumber: string, quantity: number, options?: { acceptBackOrder?: boolean }): void;
		/** Discontinued since the quote was made. */
		discontinue(ingramPartNumber: string): void;
		/** Every 5xx until ended, as in the daily maintenance window (§4.1). */
		setMaintenance(on: boolean): void;
		/** Every token issued so far stops working (expired or revoked early); fresh ones are still issued. */
		expireTokens(): void;
		/** The API app's credentials are revoked: tokens stop working and no new one is issued. */
		revokeCredentials(): void;
		/** The admin issues the API app a new client secret (after a revocation): only it is accepted from now on. */
		issueNewSecret(clientSecret: string): void;
		/** The customer number the app is registered to changes, so calls naming the old one fail. */
		setRegisteredCustomerNumber(customerNumber: string): void;
		tokensIssued(): number;
		orders(): SimOrder[];
		order(ingramOrderNumber: string): SimOrder | undefined;
		ordersWithPo(customerOrderNumber: string): SimOrder[];
		orderStatus(ingramOrderNumber: string): string;
		/** Cancels of this order carried out (a refused or cut-short request is not one). */
		cancelsOf(ingramOrderNumber: string): number;
		/** The order never moves on by itself (the slow order that stays in Processing). */
		stayProcessing(ingramOrderNumber: string): void;
		/** Ships what is in stock; `partial` ships about half of each line and backorders the rest. */
		ship(ingramOrderNumber: string, options?: { partial?: boolean }): void;
		deliver(ingramOrderNumber: string): void;
		hold(ingramOrderNumber: string): void;
		/** Every request served, in order; refused ones too. */
		requests(): LoggedRequest[];
		/** Order webhooks posted to this URL, signed with this secret key, from now on (null: none). */
		registerWebhook(target: WebhookTarget | null): void;
		/** The webhooks posted since the last call, each once answered. */
		webhookDeliveries(): Promise<WebhookDelivery[]>;
	};

type ControlDeps = {
	catalog: Catalog;
	orders: OrderBook;
	usage: Usage;
	faults: FaultQueue;
	tokens: TokenStore;
	conditions: Conditions & { revoked: boolean; clientSecret: string };
	credentials: SimCredentials;
	webhooks: WebhookSender;
};

export function createIngramControl(deps: ControlDeps): IngramSimulatorControl {
	const { catalog, orders, usage, faults, tokens, conditions } = deps;
	const product = (sku: string) => {
		const found = catalog.find({ ingramPartNumber: sku });
		if (!found) throw new Error(`The simulator has no product ${sku}.`);
		return found;
	};
	const order = (number: string) => {
		const found = orders.get(number);
		if (!found) throw new Error(`The simulator has no order ${number}.`);
		return found;
	};
	return {
		credentials: deps.credentials,
		seedProducts: (...products) => products.forEach((p) => catalog.put(structuredClone(p))),
		product: (sku) => catalog.find({ ingramPartNumber: sku }),
		setStock(sku, quantity, options = {}) {
			const p = product(sku);
			p.warehouses = p.warehouses.map((w, i) => ({ ...w, quantityAvailable: i === 0 ? quantity : 0 }));
			if (options.acceptBackOrder !== undefined) p.acceptBackOrder = options.acceptBackOrder;
		},
		discontinue(sku) {
			product(sku).discontinued = true;
		},
		setMaintenance(on) {
			conditions.maintenance = on;
		},
		expireTokens: () => tokens.expireAll(),
		revokeCredentials() {
			conditions.revoked = true;
			tokens.expireAll();
		},
		issueNewSecret(clientSecret) {
			conditions.revoked = false;
			conditions.clientSecret = clientSecret;
		},
		setRegisteredCustomerNumber(customerNumber) {
			conditions.customerNumber = customerNumber;
		},
		tokensIssued: () => tokens.issued(),
		orders: () => orders.all(),
		order: (number) => orders.get(number),
		ordersWithPo: (po) => orders.byPo(po),
		orderStatus: (number) => orderStatus(order(number)),
		cancelsOf: (number) => order(number).cancels,
		stayProcessing(number) {
			order(number).stayProcessing = true;
		},
		ship: (number, options = {}) => orders.ship(order(number), options.partial ?? false),
		deliver: (number) => orders.deliver(order(number)),
		hold: (number) => orders.hold(order(number)),
		...faultControl(faults),
		...callControl(usage),
		requests: () => usage.requests(),
		registerWebhook: (target) => deps.webhooks.register(target),
		webhookDeliveries: () => deps.webhooks.delivered()
	};
}
