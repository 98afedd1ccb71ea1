// Admin > Platform > Authentication: the MSP's email domains on this device, added and removed
// through setMspDomains with the whole new list.

import type { Replica } from '../sync/replica.svelte.ts';
import { live } from '../sync/live.svelte.ts';
import { loadMspDomains } from './admin-queries.ts';
import { MutationFeedback } from './mutation-feedback.svelte.ts';
import { addDomain, removeDomain } from './msp-domains.ts';

export class MspDomainsEditor {
	readonly feedback: MutationFeedback<'domains'>;
	readonly #data;
	readonly #replica: () => Replica | null;

	constructor(replica: () => Replica | null) {
		this.#replica = replica;
		this.feedback = new MutationFeedback(replica);
		this.#data = live({ domains: [] as string[] }, () => {
			const db = replica()?.db;
			return db ? () => loadMspDomains(db) : null;
		});
	}

	get loaded(): boolean {
		return this.#data.loaded;
	}

	get domains(): string[] {
		return this.#data.current.domains;
	}

	get error(): string | undefined {
		return this.feedback.errors.domains;
	}

	/** True when the domain was added, so the form can clear its field. */
	add(input: string): Promise<boolean> {
		return this.feedback.serial(async () => {
			const next = addDomain(await this.#latest(), input);
			if (!next.ok) return this.feedback.fail('domains', next.message);
			return this.feedback.run('domains', 'setMspDomains', { mspDomains: next.domains });
		});
	}

	remove(domain: string): Promise<boolean> {
		return this.feedback.serial(async () =>
			this.feedback.run('domains', 'setMspDomains', { mspDomains: removeDomain(await this.#latest(), domain) })
		);
	}

	/** The list as stored now, so two quick removals both apply. */
	async #latest(): Promise<string[]> {
		const db = this.#replica()?.db;
		return db ? (await loadMspDomains(db)).domains : this.domains;
	}
}
