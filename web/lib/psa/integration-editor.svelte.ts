// One PSA's settings page, beyond credentials: Synchronize, the settings switches and selects, and
// (Autotask) each category's billing code. Every change is a mutation: it applies here at once and
// syncs later, so it works offline like the rest of Admin.

import type { Provider } from '../../../shared/psa/providers.ts';
import type { Category } from '../../../shared/schema/catalog-entities.ts';
import type { IntegrationSettings } from '../../../shared/schema/psa-entities.ts';
import { MutationFeedback } from '../admin/mutation-feedback.svelte.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { billingCodesOf, categoryMappings, type CategoryMapping } from './billing-codes.ts';
import { parseIdSetting, type IdSettingKey } from './provider-settings.ts';
import { PsaData, type ProviderSummary } from './psa-data.svelte.ts';

export class IntegrationEditor {
	readonly feedback: MutationFeedback<string>;
	readonly data: PsaData;
	readonly summary: ProviderSummary;
	readonly mappings: CategoryMapping[];
	/** The lastSync.at seen when Synchronize was tapped; cleared once a newer one arrives. */
	#syncFrom = $state<number | null | undefined>(undefined);
	readonly #replica: () => Replica | null;

	constructor(replica: () => Replica | null, provider: () => Provider) {
		this.#replica = replica;
		this.feedback = new MutationFeedback(replica);
		this.data = new PsaData(replica);
		this.summary = $derived(this.data.summary(provider()));
		this.mappings = $derived(categoryMappings(this.data.categories, billingCodesOf(this.summary.integration)));
	}

	get integration() {
		return this.summary.integration;
	}

	get billingCodes() {
		return billingCodesOf(this.integration);
	}

	get errors() {
		return this.feedback.errors;
	}

	/** Synchronize was tapped and no newer last sync has arrived yet. */
	get synchronizing(): boolean {
		if (this.#syncFrom === undefined) return false;
		return (this.integration?.lastSync?.at ?? null) === this.#syncFrom;
	}

	async synchronize(): Promise<boolean> {
		const provider = this.summary.provider;
		const from = this.integration?.lastSync?.at ?? null;
		const ok = await this.feedback.run('sync', 'synchronizePsa', { provider });
		if (ok) this.#syncFrom = from;
		return ok;
	}

	saveSettings(key: string, settings: Partial<IntegrationSettings>): Promise<boolean> {
		return this.feedback.run(key, 'saveIntegrationSettings', { provider: this.summary.provider, settings });
	}

	/** Saves a typed record id (ConnectWise, HaloPSA); an unchanged one saves nothing. */
	async saveIdSetting(key: IdSettingKey, text: string): Promise<boolean> {
		const parsed = parseIdSetting(key, text, this.integration?.settings[key]);
		if (!parsed.ok) return this.feedback.fail(key, parsed.message);
		if (!parsed.settings) {
			this.feedback.clear(key);
			return true;
		}
		return this.saveSettings(key, parsed.settings);
	}

	async setCategoryCode(category: Category, billingCodeId: string | null): Promise<boolean> {
		const latest = (await this.#replica()?.db.categories.get(category.id)) ?? category;
		return this.feedback.run(`category:${category.id}`, 'saveCategory', { ...latest, billingCodeId });
	}
}
