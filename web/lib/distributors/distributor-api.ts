// The Admin › Distributors calls that need the gateway itself (credentials never replicate): save and
// test credentials, test the saved ones. Answers are checked; offline, the answer says so and nothing
// changes.

import { z } from 'zod';
import { distributorConnectionSchema, type DistributorName } from '../../../shared/schema/distributor-entities.ts';
import { refusalOf, requestJson } from '../platform/json-request.ts';

const connectionAnswer = z.object({ connection: distributorConnectionSchema });
export type DistributorConnectionAnswer = z.infer<typeof distributorConnectionSchema>;

export type DistributorAnswer =
	| { ok: true; connection: DistributorConnectionAnswer }
	| { ok: false; code: string; message: string; fields: string[] };

export const DISTRIBUTOR_OFFLINE = {
	save: 'Saving credentials needs a connection to the server, and this device is offline. What you typed is kept here: save again once you are online.',
	test: 'Testing the connection needs a connection to the server, and this device is offline. Try again once you are online.'
} as const;

const UNEXPECTED = 'The server gave an answer Outpost did not expect. Try again in a moment.';

export type DistributorApi = {
	saveCredentials(name: DistributorName, credentials: Record<string, string>): Promise<DistributorAnswer>;
	testConnection(name: DistributorName): Promise<DistributorAnswer>;
};

export function createDistributorApi(
	fetchFn: typeof fetch = (...args) => fetch(...args),
	online: () => boolean = () => globalThis.navigator?.onLine ?? true
): DistributorApi {
	async function call(action: keyof typeof DISTRIBUTOR_OFFLINE, method: string, path: string, body: unknown) {
		const offline: DistributorAnswer = { ok: false, code: 'offline', message: DISTRIBUTOR_OFFLINE[action], fields: [] };
		if (!online()) return offline;
		const answer = await requestJson(`/api/admin/distributors/${path}`, { method, body, fetch: fetchFn });
		if (!answer.reached) return offline;
		if (!answer.ok) {
			const refusal = refusalOf(answer.body);
			return refusal
				? { ok: false as const, ...refusal }
				: { ok: false as const, code: 'unexpected', message: UNEXPECTED, fields: [] };
		}
		const parsed = connectionAnswer.safeParse(answer.body);
		return parsed.success
			? { ok: true as const, connection: parsed.data.connection }
			: { ok: false as const, code: 'unexpected', message: UNEXPECTED, fields: [] };
	}
	return {
		saveCredentials: (name, credentials) => call('save', 'PUT', `${name}/credentials`, { credentials }),
		testConnection: (name) => call('test', 'POST', `${name}/test`, {})
	};
}
