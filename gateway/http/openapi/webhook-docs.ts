// The documentation of /api/webhooks: deliveries from the distributors, signed rather than signed in.

import { z } from 'zod';
import { orderEventSchema } from '../../connectors/ingrammicro/webhook/payload.ts';
import { named, type RouteDoc } from './route-doc.ts';
import { okSchema } from './wire-shapes.ts';

export const WEBHOOK_DOCS: RouteDoc[] = [
	{
		method: 'post',
		path: '/api/webhooks/ingrammicro/:orgId/:token',
		tag: 'Webhooks',
		access: 'public',
		summary: 'Ingram Micro order-status event',
		description:
			"The URL Admin › Distributors › Ingram Micro shows, registered in Ingram's portal with the webhook's secret key. `X-Hub-Signature` must be the Base64 HMAC-SHA512 of the body's `eventId` under that key; the token and signature are checked before the body is parsed (401 otherwise, whatever was wrong). Each event id is applied once; the orders it names are read again from Ingram and their statuses replicate. Events naming no order of the organisation are answered the same. Bodies over 256 KB: 413.",
		params: z.object({ orgId: z.string().max(100), token: z.string().max(64) }),
		body: named('IngramOrderEvent', orderEventSchema),
		response: { status: 200, description: 'Received.', schema: named('WebhookAnswer', okSchema) },
		errors: ['invalidCredentials', 'tooLarge', 'temporarilyUnavailable']
	}
];
