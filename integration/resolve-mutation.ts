// Turns the random actions of random-mutations.ts into concrete mutations against what a device's
// local database holds at that moment: rows are picked by index, ids are fresh (or deliberately
// reused), positions are copied from existing lines, and acceptances sign what the device sees.

import type { MutationArgs, MutationName } from '../shared/mutations/registry.ts';
import { generateKeyBetween } from 'fractional-indexing';
import { quoteContentHash } from '../shared/quotes/content-hash.ts';
import { sendBlocker } from '../shared/quotes/status-flow.ts';
import { buildQuoteLine } from '../shared/test/builders.ts';
import type { Quote, QuoteStatus } from '../shared/schema/entities.ts';
import type { LocalDb } from '../web/lib/platform/local-db.ts';
import type { Action, MutationOp } from './random-mutations.ts';

export type ResolvedMutation = { [N in MutationName]: { name: N; args: MutationArgs<N> } }[MutationName];

/** Ids handed out in one run: fresh ones in a fixed order (runs replay exactly), and those already used. */
export type IdPool = { fresh(prefix: string): string; used: { quotes: string[]; lines: string[] } };

export function createIdPool(): IdPool {
	let next = 0;
	return {
		fresh: (prefix) => `${prefix}-${String(++next).padStart(4, '0')}`,
		used: { quotes: [], lines: [] }
	};
}

/** Where an editor takes a quote next. Accepting is the customer's; reopening an accepted one is refused. */
const NEXT_STATUS: Record<QuoteStatus, QuoteStatus[]> = {
	draft: ['sent'],
	sent: ['declined', 'retracted', 'draft'],
	accepted: ['draft'],
	declined: ['draft'],
	retracted: ['draft']
};

const at = <T>(list: readonly T[], index: number): T | undefined =>
	list.length ? list[index % list.length] : undefined;

/** Concrete arguments for `op` against what `db` holds now; null when it has nothing to act on. */
export async function resolveMutation(db: LocalDb, op: MutationOp, ids: IdPool): Promise<ResolvedMutation | null> {
	const companies = await db.companies.orderBy('id').primaryKeys();
	const quotes = await db.quotes.orderBy('id').toArray();
	const lines = await db.quoteLines.orderBy('id').toArray();
	const positionOf = (index: number | null | undefined) =>
		index === null || index === undefined ? {} : { position: at(lines, index)?.position };
	const idFor = (used: string[], prefix: string, index: number | null) =>
		(index !== null ? at(used, index) : undefined) ?? ids.fresh(prefix);
	const quote = 'quote' in op ? at(quotes, op.quote) : undefined;
	const line = 'line' in op ? at(lines, op.line) : undefined;

	switch (op.name) {
		case 'createQuote': {
			const companyId = at(companies, op.company);
			if (!companyId) return null;
			return { name: op.name, args: { id: idFor(ids.used.quotes, 'q', op.reuse), companyId, title: op.title } };
		}
		case 'updateQuote': {
			if (!quote) return null;
			const { company, ...fields } = op.fields;
			const companyId = company === undefined ? undefined : at(companies, company);
			return { name: op.name, args: { id: quote.id, ...fields, ...(companyId ? { companyId } : {}) } };
		}
		case 'advanceQuote':
			return quote
				? { name: 'updateQuote', args: { id: quote.id, status: at(NEXT_STATUS[quote.status], op.choice)! } }
				: null;
		case 'answerQuote':
			if (!quote) return null;
			if (!op.accept) return { name: 'declineQuote', args: { id: quote.id, reason: 'Not this year' } };
			return { name: 'acceptQuote', args: await acceptance(db, quote, op.signer) };
		case 'addQuoteLine': {
			if (!quote) return null;
			const { description, quantity, unitPrice } = op;
			const id = idFor(ids.used.lines, 'l', op.reuse);
			return {
				name: op.name,
				args: { id, quoteId: quote.id, description, quantity, unitPrice, ...positionOf(op.position) }
			};
		}
		case 'updateQuoteLine': {
			if (!line) return null;
			const { position, ...fields } = op.fields;
			return { name: op.name, args: { id: line.id, ...fields, ...positionOf(position) } };
		}
		case 'removeQuoteLine':
			return line ? { name: op.name, args: { id: line.id } } : null;
	}
}

/** Signs what the device shows of the quote now; the gateway refuses it if the quote changed since. */
async function acceptance(db: LocalDb, quote: Quote, signer: string) {
	const lines = await db.quoteLines.where('quoteId').equals(quote.id).toArray();
	return { id: quote.id, name: signer, contentHash: quoteContentHash(quote, lines) };
}

export type ConflictStep = 'settle' | { by: 'first' | 'second'; mutation: ResolvedMutation };

/**
 * The steps of a conflict action, against what the first device holds now. For a line, the first
 * device (an editor) removes it; for a quote, the first device (an admin, who may also send it, or
 * the customer, who answers sent quotes) accepts it. Then it syncs, and the second device, which
 * has not pulled since, edits what is gone or closed.
 */
export async function conflictSteps(
	first: { db: LocalDb; canEdit: boolean },
	action: Extract<Action, { kind: 'conflict' }>,
	ids: IdPool
): Promise<ConflictStep[]> {
	if (action.target === 'line') {
		const id = at(await first.db.quoteLines.orderBy('id').primaryKeys(), action.pick);
		if (!id) return [];
		return [
			{ by: 'first', mutation: { name: 'removeQuoteLine', args: { id } } },
			'settle',
			{ by: 'second', mutation: { name: 'updateQuoteLine', args: { id, description: 'Edited after removal' } } }
		];
	}
	const quotes = await first.db.quotes.orderBy('id').toArray();
	const quote = at(
		quotes.filter((q) => (first.canEdit ? q.status !== 'accepted' : q.status === 'sent')),
		action.pick
	);
	if (!quote) return [];
	const towardsSent: QuoteStatus[] =
		quote.status === 'draft' ? ['sent'] : quote.status === 'sent' ? [] : ['draft', 'sent'];
	const line = {
		id: ids.fresh('l'),
		quoteId: quote.id,
		description: 'Added after acceptance',
		quantity: 1,
		unitPrice: 100
	};
	// A quote is sent with something to pay (an empty or zero one is refused): a priced line goes on
	// first, at an explicit position so the acceptance can sign the content it will have.
	const lines = await first.db.quoteLines.where('quoteId').equals(quote.id).toArray();
	const needsLine = towardsSent.includes('sent') && sendBlocker(lines) !== null;
	const last =
		lines
			.map((l) => l.position)
			.sort()
			.at(-1) ?? null;
	const priced = needsLine
		? {
				id: ids.fresh('l'),
				quoteId: quote.id,
				description: 'Priced',
				quantity: 1,
				unitPrice: 100,
				position: generateKeyBetween(last, null)
			}
		: null;
	const signed = priced ? [...lines, buildQuoteLine(priced)] : lines;
	return [
		...towardsSent.flatMap((status): ConflictStep[] => [
			...(status === 'sent' && priced
				? [{ by: 'first', mutation: { name: 'addQuoteLine', args: priced } } as const]
				: []),
			{ by: 'first', mutation: { name: 'updateQuote', args: { id: quote.id, status } } }
		]),
		{
			by: 'first',
			mutation: {
				name: 'acceptQuote',
				args: { id: quote.id, name: 'Carla Customer', contentHash: quoteContentHash(quote, signed) }
			}
		},
		'settle',
		{ by: 'second', mutation: { name: 'addQuoteLine', args: line } }
	];
}
