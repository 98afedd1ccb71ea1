// The ticket charges the import kept out of the procurement queue, as the buyer reads them: newest
// first, each with its ticket, when it was created and why it was skipped. Pure.

import type { SkippedCharge } from '../../../shared/schema/billing-code-entities.ts';

export type SkippedRow = { id: string; title: string; detail: string; reason: string };

const when = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function skippedRows(charges: readonly SkippedCharge[]): SkippedRow[] {
	return [...charges]
		.sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id))
		.map((c) => ({
			id: c.id,
			title: c.name || 'Unnamed charge',
			detail: [c.ticketNumber ? `Ticket ${c.ticketNumber}` : null, `created ${when(c.createdAt)}`]
				.filter(Boolean)
				.join(' · '),
			reason: c.reason
		}));
}

export function skippedSummary(count: number): string {
	return count === 1 ? '1 charge skipped by the import' : `${count} charges skipped by the import`;
}
