// One distributor card's network side: the credentials draft, the gateway's answer, and Save, Test
// connection and Re-authenticate. The replicated row follows on its own once the gateway writes it.

import type { Distributor, DistributorName } from '../../../shared/schema/distributor-entities.ts';
import type { CredentialsDraft } from '../psa/credentials-form.ts';
import { createDistributorApi, type DistributorAnswer, type DistributorApi } from './distributor-api.ts';
import { credentialsToSend, draftFor, DISTRIBUTOR_FIELDS } from './distributor-form.ts';

export type EditorAnswer = { tone: 'ok' | 'bad'; text: string };

export class DistributorEditor {
	readonly name: DistributorName;
	readonly fields;
	draft = $state<CredentialsDraft>({});
	errors = $state<Record<string, string>>({});
	answer = $state<EditorAnswer | null>(null);
	busy = $state<'save' | 'test' | 'reauthenticate' | null>(null);
	readonly #api: DistributorApi;

	constructor(name: DistributorName, row: Distributor | null, api: DistributorApi = createDistributorApi()) {
		this.name = name;
		this.fields = DISTRIBUTOR_FIELDS[name];
		this.draft = draftFor(name, row);
		this.#api = api;
	}

	async save(configured: boolean): Promise<void> {
		const check = credentialsToSend(this.name, this.draft, configured);
		if (!check.ok) {
			this.errors = check.errors;
			this.answer = { tone: 'bad', text: 'Fill in the fields marked below.' };
			return;
		}
		this.errors = {};
		this.busy = 'save';
		const answer = await this.#api.saveCredentials(this.name, check.credentials);
		this.busy = null;
		this.#show(answer, 'Credentials saved. ');
		if (answer.ok) for (const f of this.fields) if (f.secret) this.draft[f.name] = '';
	}

	async test(): Promise<void> {
		this.busy = 'test';
		this.#show(await this.#api.testConnection(this.name), '');
		this.busy = null;
	}

	/** Ingram Micro: a new client secret alone, tested before it replaces the saved one. */
	async reauthenticate(clientSecret: string): Promise<boolean> {
		if (clientSecret === '') {
			this.answer = { tone: 'bad', text: 'Enter the new client secret.' };
			return false;
		}
		this.busy = 'reauthenticate';
		const answer = await this.#api.saveCredentials(this.name, { clientSecret });
		this.busy = null;
		this.#show(answer, 'New client secret saved. ');
		return answer.ok;
	}

	#show(answer: DistributorAnswer, savedPrefix: string): void {
		if (!answer.ok) {
			this.errors = Object.fromEntries(answer.fields.map((f) => [f, answer.message]));
			this.answer = { tone: 'bad', text: answer.message };
			return;
		}
		const { state, message } = answer.connection;
		this.answer =
			state === 'connected'
				? { tone: 'ok', text: `${savedPrefix}${message}` }
				: { tone: 'bad', text: message || 'The connection failed.' };
	}
}
