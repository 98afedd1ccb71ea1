// Places an order exactly once (issue 13): the customer PO number is the idempotency key, so before any
// submission the client asks Ingram whether an order with that PO already exists. A crash or reset at
// any request of a submission therefore resumes into the existing order instead of a second one.

import type { IngramClient } from './client.ts';
import { ok, type IngramResult } from './failures.ts';
import type { OrderRequest, PlacedOrder } from './orders.ts';

export type PlaceOnceResult = PlacedOrder & { existed: boolean };

export async function placeOrderOnce(
	client: IngramClient,
	order: OrderRequest
): Promise<IngramResult<PlaceOnceResult>> {
	const found = await client.findOrdersByPo(order.customerOrderNumber);
	if (!found.ok) return found;
	if (found.value.length > 0) {
		return ok({
			customerOrderNumber: order.customerOrderNumber,
			ingramOrderNumbers: found.value.map((o) => o.ingramOrderNumber),
			lines: [],
			rejected: [],
			existed: true
		});
	}
	const placed = await client.createOrder(order);
	return placed.ok ? ok({ ...placed.value, existed: false }) : placed;
}
