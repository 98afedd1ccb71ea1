// The PSA rows on this device (issues, categories, integrations), followed live, for the
// Integrations screens. Kept apart from each screen's controls so the overview can share it.

import { PROVIDERS, type Provider } from '../../../shared/psa/providers.ts';
import type { Integration } from '../../../shared/schema/psa-entities.ts';
import { live } from '../sync/live.svelte.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { EMPTY_PSA_DATA, loadPsaData } from './psa-queries.ts';

export type ProviderSummary = { provider: Provider; integration: Integration | null; issues: number };

export class PsaData {
	readonly summaries: ProviderSummary[];
	readonly #data;

	constructor(replica: () => Replica | null) {
		const data = live(EMPTY_PSA_DATA, () => {
			const db = replica()?.db;
			return db ? () => loadPsaData(db) : null;
		});
		this.#data = data;
		this.summaries = $derived(
			PROVIDERS.map((provider) => ({
				provider,
				integration: data.current.integrations.find((i) => i.id === provider) ?? null,
				issues: data.current.issues.filter((i) => i.provider === provider).length
			}))
		);
	}

	get loaded(): boolean {
		return this.#data.loaded;
	}

	get categories() {
		return this.#data.current.categories;
	}

	summary(provider: Provider): ProviderSummary {
		return this.summaries.find((s) => s.provider === provider)!;
	}
}
