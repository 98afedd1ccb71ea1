// The quote page's PSA control: Send to PSA (a mutation, so it queues offline) and what the PSA last
// reported. "Already synchronizing" and "No PSA is connected" come back as rejections, which the
// layout shows with the rest.

import type { Issue, Opportunity } from '../../../shared/schema/psa-entities.ts';
import { can } from '../../../shared/auth/permissions.ts';
import type { QuoteReplica } from '../quotes/quote-replica.ts';
import { live } from '../sync/live.svelte.ts';
import { quotePsaStatus, type QuotePsaStatus } from './quote-psa-status.ts';

type Rows = { opportunities: Opportunity[]; issues: Issue[] };

export class QuotePsaSync {
	readonly status: QuotePsaStatus;
	readonly allowed: boolean;
	/** Set once this device asked; the answer arrives as an opportunity, an issue or a rejection. */
	requested = $state(false);
	error = $state<string | null>(null);
	readonly #replica: QuoteReplica;
	readonly #quoteId: string;

	constructor(replica: QuoteReplica, quoteId: string) {
		this.#replica = replica;
		this.#quoteId = quoteId;
		this.allowed = can(replica.principal, 'quoteEditor');
		const rows = live<Rows>({ opportunities: [], issues: [] }, () => {
			const db = replica.db;
			return async () => ({
				opportunities: await db.opportunities.where('quoteId').equals(quoteId).toArray(),
				// Issues replicate to admins only: for anyone else this is empty.
				issues: await db.issues.filter((i) => i.entityId === quoteId).toArray()
			});
		});
		this.status = $derived(quotePsaStatus(quoteId, rows.current.opportunities, rows.current.issues));
	}

	get isAdmin(): boolean {
		return this.#replica.principal.isAdmin;
	}

	async send(): Promise<void> {
		const result = await this.#replica.mutate('syncQuoteToPsa', { quoteId: this.#quoteId });
		this.error = result.ok ? null : result.message;
		this.requested = result.ok;
	}
}
