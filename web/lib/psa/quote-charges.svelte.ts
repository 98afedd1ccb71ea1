// The quote page's charges: attach an accepted quote to a ticket of its company (picked from the
// replica, so offline too), the charges with their status, and an admin's Cancel and Re-order. Each
// action is a mutation: it queues offline and the gateway syncs the charges with the PSA.

import { can } from '../../../shared/auth/permissions.ts';
import { isLive } from '../../../shared/quotes/charge-rules.ts';
import type { Quote } from '../../../shared/schema/entities.ts';
import type { QuoteCharge, Ticket } from '../../../shared/schema/quote-charge-entities.ts';
import type { QuoteReplica } from '../quotes/quote-replica.ts';
import { live } from '../sync/live.svelte.ts';
import { findTickets, toReorder } from './quote-charges.ts';

type Rows = { quote: Quote | null; charges: QuoteCharge[]; tickets: Ticket[] };

export class QuoteCharges {
	readonly allowed: boolean;
	readonly isAdmin: boolean;
	query = $state('');
	error = $state<string | null>(null);
	readonly #replica: QuoteReplica;
	readonly #quoteId: string;
	readonly #rows: { current: Rows };

	constructor(replica: QuoteReplica, quoteId: string) {
		this.#replica = replica;
		this.#quoteId = quoteId;
		this.allowed = can(replica.principal, 'quoteEditor');
		this.isAdmin = replica.principal.isAdmin;
		this.#rows = live<Rows>({ quote: null, charges: [], tickets: [] }, () => {
			const db = replica.db;
			return async () => {
				const quote = (await db.quotes.get(quoteId)) ?? null;
				return {
					quote,
					charges: await db.quoteCharges.where('quoteId').equals(quoteId).sortBy('createdAt'),
					tickets: quote ? await db.tickets.where('companyId').equals(quote.companyId).toArray() : []
				};
			};
		});
	}

	get charges(): QuoteCharge[] {
		return this.#rows.current.charges;
	}

	get ticket(): Ticket | undefined {
		const live = this.charges.find(isLive) ?? this.charges.at(-1);
		return live ? this.#rows.current.tickets.find((t) => t.id === live.ticketId) : undefined;
	}

	/** An accepted quote without live charges may be attached (again, after every charge was cancelled). */
	get canAttach(): boolean {
		return this.#rows.current.quote?.status === 'accepted' && !this.charges.some(isLive);
	}

	get hasTickets(): boolean {
		return this.#rows.current.tickets.length > 0;
	}

	get found(): Ticket[] {
		const quote = this.#rows.current.quote;
		return quote ? findTickets(this.#rows.current.tickets, quote.companyId, this.query) : [];
	}

	get reorderable(): number {
		return toReorder(this.charges).length;
	}

	async attach(ticketId: string): Promise<void> {
		this.#settle(await this.#replica.mutate('attachQuoteToTicket', { quoteId: this.#quoteId, ticketId }));
	}

	async cancel(id: string): Promise<void> {
		this.#settle(await this.#replica.mutate('cancelQuoteCharge', { id }));
	}

	async reorder(): Promise<void> {
		this.#settle(await this.#replica.mutate('reorderQuoteCharges', { quoteId: this.#quoteId }));
	}

	#settle(result: { ok: true } | { ok: false; message: string }) {
		this.error = result.ok ? null : result.message;
	}
}
