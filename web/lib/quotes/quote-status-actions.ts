// The actions the quote editor offers a quote editor, per status: the first is the primary one (the
// next step), the rest are secondary. Accepting and declining are the customer's answer
// (acceptQuote / declineQuote), not a button here; an accepted quote is final and only revised.

import { ERRORS } from '../../../shared/errors.ts';
import type { PricedLine } from '../../../shared/pricing/quote-totals.ts';
import { sendBlocker } from '../../../shared/quotes/status-flow.ts';
import type { QuoteStatus } from '../../../shared/schema/entities.ts';

export type QuoteAction =
	| { kind: 'status'; to: QuoteStatus; label: string }
	| { kind: 'revise'; label: string }
	| { kind: 'duplicate'; label: string };

const send = { kind: 'status', to: 'sent', label: 'Mark as sent' } as const;
const retract = { kind: 'status', to: 'retracted', label: 'Retract' } as const;
const toDraft = { kind: 'status', to: 'draft', label: 'Back to draft' } as const;
const revise = { kind: 'revise', label: 'Revise' } as const;
const duplicate = { kind: 'duplicate', label: 'Duplicate' } as const;

const ACTIONS: Record<QuoteStatus, readonly QuoteAction[]> = {
	draft: [send, duplicate],
	sent: [revise, retract, duplicate],
	declined: [revise, toDraft, duplicate],
	retracted: [toDraft, revise, duplicate],
	accepted: [revise, duplicate]
};

/** The actions for a quote in `status`, the primary one first. */
export function quoteActions(status: QuoteStatus): readonly QuoteAction[] {
	return ACTIONS[status];
}

/** Why `action` cannot be taken on a quote with these lines, in words, or null when it can. */
export function blockedReason(action: QuoteAction, lines: readonly PricedLine[]): string | null {
	if (action.kind !== 'status' || action.to !== 'sent') return null;
	const blocker = sendBlocker(lines);
	return blocker ? ERRORS[blocker].message : null;
}

/** What the editor says about where the quote stands, beside its status badge. */
export const STATUS_HINTS: Record<QuoteStatus, string> = {
	draft: 'Draft: only your team sees it.',
	sent: 'Sent: read-only while the customer decides. Revise it to make changes.',
	accepted: 'Accepted: this quote is read-only. Revise it to make changes.',
	declined: 'Declined by the customer: read-only. Revise it, or take it back to draft.',
	retracted: 'Retracted: the customer can no longer answer it. Take it back to draft to edit it.'
};
