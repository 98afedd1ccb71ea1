// The quote page's PSA sync: Send to PSA (a mutation, so it queues offline) and the one state the
// replicated rows add up to (quote-sync-state.ts). "Already synchronizing" and "No PSA is connected"
// come back as rejections, shown beside the button.

import { can } from '../../../../shared/auth/permissions.ts';
import type { QuoteLine } from '../../../../shared/schema/entities.ts';
import type { Issue, Opportunity } from '../../../../shared/schema/psa-entities.ts';
import type { QuoteSync } from '../../../../shared/schema/quote-sync-entities.ts';
import { sortByPosition } from '../line-order.ts';
import { displayOrder, groupBySection } from '../line-sections.ts';
import type { QuoteReplica } from '../quote-replica.ts';
import { live } from '../../sync/live.svelte.ts';
import { quoteSyncView, type QuoteSyncView } from './quote-sync-state.ts';

type Rows = { sync: QuoteSync | undefined; issues: Issue[]; opportunities: Opportunity[]; lines: QuoteLine[] };

export class QuoteSyncPanel {
	readonly view: QuoteSyncView;
	readonly allowed: boolean;
	error = $state<string | null>(null);
	readonly #replica: QuoteReplica;
	readonly #quoteId: string;

	constructor(replica: QuoteReplica, quoteId: string) {
		this.#replica = replica;
		this.#quoteId = quoteId;
		this.allowed = can(replica.principal, 'quoteEditor');
		const rows = live<Rows>({ sync: undefined, issues: [], opportunities: [], lines: [] }, () => {
			const db = replica.db;
			return async () => ({
				sync: await db.quoteSyncs.get(quoteId),
				// Admins and quote editors replicate the issues of quotes; anyone else has none.
				issues: await db.issues.filter((i) => i.quoteId === quoteId || i.entityId === quoteId).toArray(),
				opportunities: await db.opportunities.where('quoteId').equals(quoteId).toArray(),
				lines: displayOrder(
					groupBySection(sortByPosition(await db.quoteLines.where('quoteId').equals(quoteId).toArray()))
				)
			});
		});
		this.view = $derived(quoteSyncView({ quoteId, ...rows.current }));
	}

	get isAdmin(): boolean {
		return this.#replica.principal.isAdmin;
	}

	async send(): Promise<void> {
		const result = await this.#replica.mutate('syncQuoteToPsa', { quoteId: this.#quoteId });
		this.error = result.ok ? null : result.message;
	}
}
