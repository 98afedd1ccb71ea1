// What the customer's answer block shows for a quote, decided from plain values: the quote's
// status, whether this person may answer, an answer still in the outbox, a refusal, and whether the
// content changed under them. The component only renders the result.

import type { Principal } from '../../../shared/auth/permissions.ts';
import type { Quote } from '../../../shared/schema/entities.ts';

export type AnswerKind = 'accept' | 'decline';
const MUTATION_OF: Record<string, AnswerKind> = { acceptQuote: 'accept', declineQuote: 'decline' };

/** The same rule as the mutations: a contact of the quoted company, or an admin. */
export function mayAnswer(
	principal: Pick<Principal, 'kind' | 'companyId' | 'isAdmin'>,
	quote: Pick<Quote, 'companyId'>
): boolean {
	return principal.isAdmin || (principal.kind === 'customer' && principal.companyId === quote.companyId);
}

type OutboxLike = { id: number; name: string; args: unknown };

/** The newest answer to this quote still waiting in the outbox, with its mutation id. */
export function latestAnswer(
	outbox: readonly OutboxLike[],
	quoteId: string
): { kind: AnswerKind; mutationID: number } | null {
	let found: { kind: AnswerKind; mutationID: number } | null = null;
	for (const entry of outbox) {
		const kind = Object.hasOwn(MUTATION_OF, entry.name) ? MUTATION_OF[entry.name] : undefined;
		if (!kind || !isFor(entry.args, quoteId)) continue;
		if (!found || entry.id > found.mutationID) found = { kind, mutationID: entry.id };
	}
	return found;
}

function isFor(args: unknown, quoteId: string): boolean {
	return typeof args === 'object' && args !== null && (args as { id?: unknown }).id === quoteId;
}

/** A refusal of this person's answer: by this device (the content changed here already) or by the gateway. */
export type Refusal = { kind: AnswerKind; code: string; message: string };

export type AnswerViewInput = {
	quote: Pick<Quote, 'status' | 'acceptance' | 'declineReason'>;
	mayAnswer: boolean;
	pending: AnswerKind | null;
	refusal: Refusal | null;
	/** The quote's content on this device differs from what is on screen. */
	changed: boolean;
	online: boolean;
};

export type AnswerView =
	| { kind: 'refused'; title: string; message: string; quoteChanged: boolean }
	| { kind: 'changed' }
	| { kind: 'answerable' }
	| { kind: 'awaiting' }
	| { kind: 'accepted'; acceptance: Quote['acceptance']; pendingNote: string | null }
	| { kind: 'declined'; reason: string | null; pendingNote: string | null }
	| { kind: 'closed'; message: string };

export function answerView(input: AnswerViewInput): AnswerView {
	const { quote, refusal } = input;
	// A refusal is shown first: after it the quote is back to sent, and the person must learn why.
	if (refusal) {
		const title = refusal.kind === 'accept' ? 'Your acceptance was not recorded.' : 'Your answer was not recorded.';
		return { kind: 'refused', title, message: refusal.message, quoteChanged: refusal.code === 'quote_changed' };
	}
	switch (quote.status) {
		case 'accepted':
			return {
				kind: 'accepted',
				acceptance: quote.acceptance,
				pendingNote: input.pending === 'accept' ? pendingNote('accept', input.online) : null
			};
		case 'declined':
			return {
				kind: 'declined',
				reason: quote.declineReason,
				pendingNote: input.pending === 'decline' ? pendingNote('decline', input.online) : null
			};
		case 'sent':
			if (!input.mayAnswer) return { kind: 'awaiting' };
			return input.changed ? { kind: 'changed' } : { kind: 'answerable' };
		case 'draft':
			return { kind: 'closed', message: 'This quote is still being prepared. It can be answered once it is sent.' };
		case 'retracted':
			return { kind: 'closed', message: 'This quote was withdrawn. Ask your account manager for a new version.' };
	}
}

export function pendingNote(kind: AnswerKind, online: boolean): string {
	if (online) return kind === 'accept' ? 'Sending your acceptance…' : 'Sending your answer…';
	return kind === 'accept'
		? 'Your acceptance will be sent when you are back online.'
		: 'Your answer will be sent when you are back online.';
}
