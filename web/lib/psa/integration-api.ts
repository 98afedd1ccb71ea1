// The integration routes that need the gateway itself (credentials are never replicated): save and
// test credentials, test the connection again, remove them. Every answer is checked and reduced to
// what the screen shows; with no network the answer says so and changes nothing.

import { z } from 'zod';
import type { Provider } from '../../../shared/psa/providers.ts';
import { refusalOf, requestJson } from '../platform/json-request.ts';

const connectionSchema = z.object({ state: z.enum(['ok', 'failed', 'untested']), message: z.string() });
const connectionAnswer = z.object({ connection: connectionSchema });

export type Connection = z.infer<typeof connectionSchema>;

export type IntegrationAnswer<T> =
	{ ok: true; value: T } | { ok: false; code: string; message: string; fields: string[] };

export type IntegrationApi = {
	saveCredentials(provider: Provider, credentials: Record<string, string>): Promise<IntegrationAnswer<Connection>>;
	testConnection(provider: Provider): Promise<IntegrationAnswer<Connection>>;
	removeCredentials(provider: Provider): Promise<IntegrationAnswer<null>>;
};

export const OFFLINE_MESSAGES = {
	save: 'Saving credentials needs a connection to the server, and this device is offline. What you typed is kept here: save again once you are online.',
	test: 'Testing the connection needs a connection to the server, and this device is offline. Try again once you are online.',
	remove:
		'Removing credentials needs a connection to the server, and this device is offline. Try again once you are online.'
} as const;

const UNEXPECTED = 'The server gave an answer Outpost did not expect. Try again in a moment.';

type Online = () => boolean;

export function createIntegrationApi(
	fetchFn: typeof fetch = (...args) => fetch(...args),
	online: Online = () => globalThis.navigator?.onLine ?? true
): IntegrationApi {
	async function call<T>(
		action: keyof typeof OFFLINE_MESSAGES,
		method: string,
		path: string,
		body: unknown,
		read: (json: unknown) => { value: T } | null
	): Promise<IntegrationAnswer<T>> {
		const offline: IntegrationAnswer<T> = { ok: false, code: 'offline', message: OFFLINE_MESSAGES[action], fields: [] };
		if (!online()) return offline;
		const answer = await requestJson(`/api/admin/integrations/${path}`, { method, body, fetch: fetchFn });
		if (!answer.reached) return offline;
		if (!answer.ok) {
			const refusal = refusalOf(answer.body);
			return refusal ? { ok: false, ...refusal } : { ok: false, code: 'unexpected', message: UNEXPECTED, fields: [] };
		}
		const value = read(answer.body);
		return value === null
			? { ok: false, code: 'unexpected', message: UNEXPECTED, fields: [] }
			: { ok: true, value: value.value };
	}

	const readConnection = (json: unknown) => {
		const parsed = connectionAnswer.safeParse(json);
		return parsed.success ? { value: parsed.data.connection } : null;
	};

	return {
		saveCredentials: (provider, credentials) =>
			call('save', 'PUT', `${provider}/credentials`, { credentials }, readConnection),
		testConnection: (provider) => call('test', 'POST', `${provider}/test`, {}, readConnection),
		removeCredentials: (provider) =>
			call('remove', 'DELETE', `${provider}/credentials`, undefined, () => ({ value: null }))
	};
}
