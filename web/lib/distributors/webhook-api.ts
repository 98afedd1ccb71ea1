// Admin › Distributors › Ingram Micro's order webhook: read, set the secret key, stop. The key never
// replicates and is never sent back; the answer is the URL to register in Ingram's portal. Online only:
// offline, the answer says so and nothing changes.

import { z } from 'zod';
import { refusalOf, requestJson } from '../platform/json-request.ts';

const PATH = '/api/admin/distributors/ingrammicro/webhook';
const webhookAnswer = z.object({ configured: z.boolean(), url: z.string().nullable() });
export type WebhookState = z.infer<typeof webhookAnswer>;

export type WebhookAnswer = { ok: true; webhook: WebhookState } | { ok: false; message: string };

export const WEBHOOK_OFFLINE =
	'The webhook is kept on the server, and this device is offline. Try again once you are online.';
const UNEXPECTED = 'The server gave an answer Outpost did not expect. Try again in a moment.';

export function createWebhookApi(
	fetchFn: typeof fetch = (...args) => fetch(...args),
	online: () => boolean = () => globalThis.navigator?.onLine ?? true
) {
	async function call(method: string, body?: unknown): Promise<WebhookAnswer> {
		if (!online()) return { ok: false, message: WEBHOOK_OFFLINE };
		const answer = await requestJson(PATH, { method, body, fetch: fetchFn });
		if (!answer.reached) return { ok: false, message: WEBHOOK_OFFLINE };
		if (!answer.ok) return { ok: false, message: refusalOf(answer.body)?.message ?? UNEXPECTED };
		const parsed = webhookAnswer.safeParse(answer.body);
		return parsed.success ? { ok: true, webhook: parsed.data } : { ok: false, message: UNEXPECTED };
	}
	return {
		read: () => call('GET'),
		save: (secret: string) => call('PUT', { secret }),
		remove: () => call('DELETE')
	};
}
export type WebhookApi = ReturnType<typeof createWebhookApi>;
