// The simulator's order webhooks (psa-apis.md §4.7): once a URL and secret key are registered (as in
// Ingram's portal), every move of an order (shipped, partly shipped, delivered, on hold) is posted
// there as Ingram posts it, `X-Hub-Signature` the Base64 HMAC-SHA512 of the event id under the secret.
// Deliveries are not retried; tests await them with `delivered()`.

import { signEvent } from '../webhook/signature.ts';
import type { SimOrder } from './orders.ts';

export type WebhookTarget = { url: string; secret: string };
export type WebhookDelivery = { eventId: string; eventType: string; orderNumber: string; status: number };
export type OrderEventType = 'im::order_shipped' | 'im::order_delivered' | 'im::order_hold';

const LINE_STATUS: Record<string, string> = {
	'In Progress': 'IM::open',
	Backordered: 'IM::backordered',
	Shipped: 'IM::shipped',
	Delivered: 'IM::delivered',
	Canceled: 'IM::cancelled',
	'On Hold': 'IM::on_hold'
};

export function orderEventBody(order: SimOrder, eventType: OrderEventType, eventId: string, at: number) {
	return {
		topic: 'resellers/orders',
		event: 'im::updated',
		eventTimeStamp: new Date(at).toISOString(),
		eventId,
		resource: [
			{
				eventType,
				orderNumber: order.ingramOrderNumber,
				customerOrderNumber: order.customerOrderNumber,
				orderEntryTimeStamp: `${order.ingramOrderDate}T00:00:00.000Z`,
				lines: order.lines.map((l) => {
					const shipped = l.shipments.reduce((n, s) => n + s.quantity, 0);
					return {
						ingramLineNumber: l.ingramOrderLineNumber,
						subOrderNumber: l.subOrderNumber,
						lineStatus: LINE_STATUS[l.lineStatus] ?? 'IM::open',
						ingramPartNumber: l.ingramPartNumber,
						vendorPartNumber: l.vendorPartNumber,
						requestedQuantity: l.quantityOrdered,
						shippedQuantity: shipped,
						backOrderedQuantity: l.quantityBackOrdered,
						shipmentDetails: l.shipments.map((s) => ({
							shipmentDate: s.shipmentDate,
							carrierCode: s.carrierCode,
							carrierName: s.carrierName,
							packageDetails: [{ trackingNumber: s.trackingNumber }]
						}))
					};
				})
			}
		]
	};
}

/** 18 characters like the sample's `N01CIB9VVFYKR9J6ZW`. */
function newEventId(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
	return Array.from(crypto.getRandomValues(new Uint8Array(18)), (b) => alphabet[b % alphabet.length]).join('');
}

export function createWebhookSender(deps: { now(): number; log: (message: string, detail?: unknown) => void }) {
	let target: WebhookTarget | null = null;
	let sent: Promise<WebhookDelivery>[] = [];

	async function post(to: WebhookTarget, order: SimOrder, eventType: OrderEventType): Promise<WebhookDelivery> {
		const eventId = newEventId();
		const body = JSON.stringify(orderEventBody(order, eventType, eventId, deps.now()));
		const delivery = { eventId, eventType, orderNumber: order.ingramOrderNumber };
		try {
			const response = await fetch(to.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-hub-signature': await signEvent(to.secret, eventId) },
				body
			});
			await response.body?.cancel();
			return { ...delivery, status: response.status };
		} catch (error) {
			deps.log('Ingram Micro simulator: a webhook could not be delivered', error);
			return { ...delivery, status: 0 };
		}
	}

	return {
		register(next: WebhookTarget | null) {
			target = next;
		},
		notify(order: SimOrder, eventType: OrderEventType) {
			if (target) sent.push(post(target, structuredClone(order), eventType));
		},
		/** Every delivery so far, once each has been answered; the list starts again after. */
		async delivered(): Promise<WebhookDelivery[]> {
			const all = await Promise.all(sent);
			sent = [];
			return all;
		}
	};
}
export type WebhookSender = ReturnType<typeof createWebhookSender>;
