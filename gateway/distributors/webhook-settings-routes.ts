// /api/admin/distributors/ingrammicro/webhook: the organisation's Ingram Micro order webhook as Admin ›
// Distributors sets it. The secret key (copied from the webhook in Ingram's portal) is sealed and never
// sent back; the answer is the URL to register there, whose last segment is an unguessable token kept
// across new secrets. Removing it stops every delivery (a later one gets a new URL).

import { Hono } from 'hono';
import { z } from 'zod';
import {
	INGRAM_WEBHOOK_KEY,
	ingramWebhookUrl,
	openIngramWebhook,
	saveIngramWebhook,
	webhookSecretSchema
} from '../connectors/ingrammicro/webhook/settings.ts';
import type { AppEnv } from '../http/app-env.ts';
import { jsonBody } from '../http/json-body.ts';
import type { PsaServices } from '../psa/psa-services.ts';

export const webhookSecretBody = z.object({ secret: webhookSecretSchema }).strict();

export const webhookAnswerSchema = z.object({ configured: z.boolean(), url: z.string().nullable() });

export function ingramWebhookRoutes(deps: { psa: Pick<PsaServices, 'vault'>; now(): number; publicUrl: string }) {
	const answer = (orgId: string, token: string | null) => ({
		configured: token !== null,
		url: token === null ? null : ingramWebhookUrl(deps.publicUrl, orgId, token)
	});
	return new Hono<AppEnv>()
		.get('/', async (c) => {
			const { orgId } = c.get('principal');
			return c.json(answer(orgId, (await openIngramWebhook(deps.psa.vault, orgId))?.token ?? null));
		})
		.put('/', jsonBody(webhookSecretBody), async (c) => {
			const { orgId } = c.get('principal');
			const saved = await saveIngramWebhook(deps.psa.vault, orgId, c.req.valid('json').secret, deps.now());
			return c.json(answer(orgId, saved.token));
		})
		.delete('/', async (c) => {
			const { orgId } = c.get('principal');
			await deps.psa.vault.remove(orgId, INGRAM_WEBHOOK_KEY);
			return c.json(answer(orgId, null));
		});
}
