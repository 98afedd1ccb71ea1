// The status buttons the quote editor offers a quote editor. Accepting and declining are the
// customer's answer (acceptQuote / declineQuote), not a button here; an accepted quote is final.

import type { QuoteStatus } from '../../../shared/schema/entities.ts';

export type StatusAction = { to: QuoteStatus; label: string };

const ACTIONS: Record<QuoteStatus, readonly StatusAction[]> = {
	draft: [{ to: 'sent', label: 'Mark as sent' }],
	sent: [{ to: 'retracted', label: 'Retract' }],
	declined: [{ to: 'draft', label: 'Back to draft' }],
	retracted: [{ to: 'draft', label: 'Back to draft' }],
	accepted: []
};

export function statusActions(status: QuoteStatus): readonly StatusAction[] {
	return ACTIONS[status];
}

/** A draft is edited directly; anything sent can be revised into a new draft. */
export function canRevise(status: QuoteStatus): boolean {
	return status !== 'draft';
}

/** What the editor says about where the quote stands, beside its status badge. */
export const STATUS_HINTS: Record<QuoteStatus, string> = {
	draft: 'Draft: only your team sees it.',
	sent: 'Sent: waiting for the customer to accept or decline.',
	accepted: 'Accepted: this quote is read-only. Revise it to make changes.',
	declined: 'Declined by the customer. Revise it, or take it back to draft.',
	retracted: 'Retracted: the customer can no longer answer it.'
};
