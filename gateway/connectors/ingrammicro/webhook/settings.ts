// An organisation's Ingram Micro webhook: the secret key Ingram's portal shows for the webhook, and the
// unguessable path segment of the URL registered there. Sealed in integration_credentials under
// `ingrammicro-webhook` like the ordering credentials, never replicated, never sent back (the URL is).

import { z } from 'zod';
import type { CredentialVault } from '../../../jobs/credential-vault.ts';
import { credentialSecret } from '../../common/credential-text.ts';

export const INGRAM_WEBHOOK_KEY = 'ingrammicro-webhook';

export const webhookSecretSchema = credentialSecret().pipe(
	z.string().min(8, 'at least 8 characters').max(200, 'at most 200 characters')
);

const sealedSchema = z.object({ secret: z.string().min(1), token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/) });
export type IngramWebhook = z.infer<typeof sealedSchema>;

/** 192 random bits, base64url: the URL's path segment. */
export function newWebhookToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(24));
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_');
}

/** Keeps the saved token, so a new secret (Ingram's "Generate New Key") does not change the URL. */
export async function saveIngramWebhook(
	vault: CredentialVault,
	orgId: string,
	secret: string,
	now: number
): Promise<IngramWebhook> {
	const saved = await openIngramWebhook(vault, orgId);
	const webhook = { secret: webhookSecretSchema.parse(secret), token: saved?.token ?? newWebhookToken() };
	await vault.save(orgId, INGRAM_WEBHOOK_KEY, webhook, now);
	return webhook;
}

/** Null when none is set (or what is sealed no longer reads). */
export async function openIngramWebhook(vault: CredentialVault, orgId: string): Promise<IngramWebhook | null> {
	const stored = await vault.open(orgId, INGRAM_WEBHOOK_KEY).catch(() => null);
	const parsed = sealedSchema.safeParse(stored);
	return parsed.success ? parsed.data : null;
}

/** Where Ingram posts this organisation's events. */
export function ingramWebhookUrl(publicUrl: string, orgId: string, token: string): string {
	const base = publicUrl.replace(/\/+$/, '');
	return `${base}/api/webhooks/ingrammicro/${encodeURIComponent(orgId)}/${token}`;
}
