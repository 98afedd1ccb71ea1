// The quote as the person opened it. While a quote awaits an answer, the version first shown stays
// on screen until they ask for the new one, so what they sign is what they read; any other status
// follows this device's rows as they change.

import { untrack } from 'svelte';
import type { Replica } from '../sync/replica.svelte.ts';
import { live } from '../sync/live.svelte.ts';
import { loadQuoteDocument, type QuoteDocument } from './load-quote-document.ts';

export class ReadingCopy {
	readonly #latest;
	#pinned = $state<QuoteDocument | null>(null);

	constructor(replica: () => Replica | null, id: () => string | undefined) {
		this.#latest = live<QuoteDocument | null>(null, () => {
			const db = replica()?.db;
			const quoteId = id();
			return db && quoteId ? () => loadQuoteDocument(db, quoteId) : null;
		});
		// Until a quote is sent the pin follows it; from then on it holds the version first read here,
		// and only refresh() moves it on.
		$effect(() => {
			const latest = this.#latest.current;
			if (!latest) return;
			const pinned = untrack(() => this.#pinned);
			if (pinned?.quote.id !== latest.quote.id || pinned.quote.status !== 'sent') this.#pinned = latest;
		});
	}

	/** This device's rows as they are now: the quote's status, its number, the acceptance. */
	get latest(): QuoteDocument | null {
		return this.#latest.current;
	}

	/** What the screen shows, and what an acceptance fingerprints. */
	get shown(): QuoteDocument | null {
		const latest = this.#latest.current;
		if (!latest || latest.quote.status !== 'sent') return latest;
		return this.#pinned?.quote.id === latest.quote.id ? this.#pinned : latest;
	}

	get loaded(): boolean {
		return this.#latest.loaded;
	}

	refresh(): void {
		this.#pinned = this.#latest.current;
	}
}
