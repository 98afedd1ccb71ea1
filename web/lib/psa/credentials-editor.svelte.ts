// The credentials form of one PSA: what the admin typed, the gateway's answer, and the three calls.
// These need the network; offline, the answer says so and the typed values stay. Secrets leave the
// page once saved: the gateway never sends them back.

import { CREDENTIAL_FIELDS, type CredentialField } from '../../../shared/psa/credential-fields.ts';
import type { Provider } from '../../../shared/psa/providers.ts';
import { checkCredentials, emptyDraft, withoutSecrets, type CredentialsDraft } from './credentials-form.ts';
import { createIntegrationApi, type Connection, type IntegrationApi } from './integration-api.ts';

export type CredentialsAnswer = { tone: 'ok' | 'bad'; text: string };

function describeConnection(connection: Connection, saved: boolean): CredentialsAnswer {
	const prefix = saved ? 'Credentials saved. ' : '';
	if (connection.state === 'ok')
		return { tone: 'ok', text: `${prefix}Connection works${connection.message ? `: ${connection.message}` : '.'}` };
	return { tone: 'bad', text: `${prefix}Connection failed${connection.message ? `: ${connection.message}` : '.'}` };
}

export class CredentialsEditor {
	readonly fields: CredentialField[];
	draft = $state<CredentialsDraft>({});
	errors = $state<Record<string, string>>({});
	answer = $state<CredentialsAnswer | null>(null);
	busy = $state<'save' | 'test' | 'remove' | null>(null);
	readonly #provider: Provider;
	readonly #api: IntegrationApi;

	constructor(provider: Provider, api: IntegrationApi = createIntegrationApi()) {
		this.#provider = provider;
		this.#api = api;
		this.fields = CREDENTIAL_FIELDS[provider];
		this.draft = emptyDraft(this.fields);
	}

	async save(): Promise<void> {
		const check = checkCredentials(this.fields, this.draft);
		if (!check.ok) {
			this.errors = check.errors;
			this.answer = { tone: 'bad', text: 'Fill in the fields marked below.' };
			return;
		}
		this.errors = {};
		this.busy = 'save';
		const answer = await this.#api.saveCredentials(this.#provider, check.credentials);
		this.busy = null;
		if (!answer.ok) {
			this.errors = Object.fromEntries(answer.fields.map((f) => [f, answer.message]));
			this.answer = { tone: 'bad', text: answer.message };
			return;
		}
		this.draft = withoutSecrets(this.fields, this.draft);
		this.answer = describeConnection(answer.value, true);
	}

	async test(): Promise<void> {
		this.busy = 'test';
		const answer = await this.#api.testConnection(this.#provider);
		this.busy = null;
		this.answer = answer.ok ? describeConnection(answer.value, false) : { tone: 'bad', text: answer.message };
	}

	async remove(): Promise<boolean> {
		this.busy = 'remove';
		const answer = await this.#api.removeCredentials(this.#provider);
		this.busy = null;
		this.answer = answer.ok ? { tone: 'ok', text: 'Credentials removed.' } : { tone: 'bad', text: answer.message };
		return answer.ok;
	}
}
