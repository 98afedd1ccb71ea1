// The documentation of /api/webhooks: deliveries from the distributors, signed rather than signed in.

import { z } from 'zod';
import { orderEventSchema } from '../../connectors/ingrammicro/webhook/payload.ts';
import { webhookAnswerSchema, webhookSecretBody } from '../../distributors/webhook-settings-routes.ts';
import { named, type RouteDoc } from './route-doc.ts';
import { okSchema } from './wire-shapes.ts';

const webhookAnswer = {
	status: 200,
	description: 'Whether a secret is set, and the URL to register in Ingram Micro’s portal (null: none).',
	schema: named('IngramWebhookAnswer', webhookAnswerSchema)
};

export const WEBHOOK_DOCS: RouteDoc[] = [
	{
		method: 'get',
		path: '/api/admin/distributors/ingrammicro/webhook',
		tag: 'Admin',
		access: 'admin',
		summary: 'The Ingram Micro order webhook',
		response: webhookAnswer
	},
	{
		method: 'put',
		path: '/api/admin/distributors/ingrammicro/webhook',
		tag: 'Admin',
		access: 'admin',
		summary: 'Set the Ingram Micro webhook secret key',
		description:
			"The secret key of the webhook in Ingram's portal, sealed at rest and never sent back. The URL keeps its token across new keys.",
		body: named('IngramWebhookSecret', webhookSecretBody),
		response: webhookAnswer
	},
	{
		method: 'delete',
		path: '/api/admin/distributors/ingrammicro/webhook',
		tag: 'Admin',
		access: 'admin',
		summary: 'Stop the Ingram Micro order webhook',
		description:
			'Forgets the secret and the URL: deliveries are refused from now on; setting a secret again gives a new URL.',
		response: webhookAnswer
	},
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
