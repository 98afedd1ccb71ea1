// The order-status notification Ingram posts (psa-apis.md §4.7 sample; the SDKs'
// OrderStatusAsyncNotificationRequest): only what Outpost reads is checked, every other field is let
// through unread. The event id is found in the raw text first, so the signature is checked before the
// body is parsed; the parsed body must then carry that same id.

import { z } from 'zod';

/** `topic` of order events (stock updates come on another topic and are not read). */
export const ORDER_TOPIC = 'resellers/orders';

const EVENT_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const eventId = z.string().regex(EVENT_ID, 'letters, digits, ".", "_", ":" or "-", at most 100');
const orderNumber = z.string().trim().min(1).max(60);

const resource = z
	.object({
		eventType: z.string().max(100).optional(),
		orderNumber: orderNumber.optional(),
		customerOrderNumber: orderNumber.optional(),
		lines: z.array(z.unknown()).max(1_000).optional()
	})
	.refine((r) => r.orderNumber !== undefined || r.customerOrderNumber !== undefined, {
		message: 'an orderNumber or a customerOrderNumber'
	});

export const orderEventSchema = z.object({
	topic: z.string().max(100).optional(),
	event: z.string().max(100).optional(),
	eventTimeStamp: z.string().max(100).optional(),
	eventId,
	resource: z.array(resource).max(50)
});
export type OrderEvent = z.infer<typeof orderEventSchema>;

/**
 * The event id as written in the raw body, read without parsing it: exactly one top-level-looking
 * `"eventId": "…"` of the allowed characters, else null (the delivery cannot be verified).
 */
export function eventIdOf(raw: string): string | null {
	const found = [...raw.matchAll(/"eventId"\s*:\s*"([^"\\]{0,200})"/g)];
	if (found.length !== 1) return null;
	const id = found[0]![1]!;
	return EVENT_ID.test(id) ? id : null;
}
