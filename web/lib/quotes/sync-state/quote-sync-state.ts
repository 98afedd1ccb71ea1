// One state for a quote's PSA sync (pure), from what this device replicated: the quote's sync row,
// its sync issue, and the opportunity it became. Whatever the rows say, the answer is one of queued
// (saying why and until when, if the PSA's hourly budget holds it back), sending, synced, warning or
// failed (or never sent), and the newest word wins when two disagree.

import { PROVIDER_LABELS } from '../../../../shared/psa/providers.ts';
import type { QuoteLine } from '../../../../shared/schema/entities.ts';
import type { Issue, Opportunity } from '../../../../shared/schema/psa-entities.ts';
import type { LineFailure, QuoteSync } from '../../../../shared/schema/quote-sync-entities.ts';
import { lineReason, quoteReason } from './sync-words.ts';

export type FailedLine = {
	lineId: string;
	/** How the rep finds the line: its description's first line, or its place. */
	label: string;
	/** In a rep's words. */
	reason: string;
	/** The PSA's own text. */
	psaText: string;
};

/** The PSA record the quote became, as people find it there. */
export type PsaRecord = { name: string; number: string; url: string | null };

/** Why a queued quote waits in the gateway's queue, and about when it goes. */
export type Waiting = { reason: string; resumesAt: number };

export type QuoteSyncView =
	| { state: 'never' }
	| { state: 'queued'; waiting?: Waiting }
	| { state: 'sending' }
	| { state: 'synced'; record: PsaRecord | null }
	| { state: 'warning' | 'failed'; record: PsaRecord | null; reason: string; psaText: string; lines: FailedLine[] };

export type SyncInputs = {
	quoteId: string;
	sync: QuoteSync | undefined;
	/** Issues this device holds (admins and quote editors hold the quote's); others are ignored. */
	issues: readonly Issue[];
	opportunities: readonly Opportunity[];
	lines: readonly QuoteLine[];
};

export function quoteSyncView({ quoteId, sync, issues, opportunities, lines }: SyncInputs): QuoteSyncView {
	const issue = newestIssueOf(quoteId, issues);
	const record = recordOf(quoteId, sync, opportunities);
	const outcome = (state: 'warning' | 'failed', psaText: string, failures: readonly LineFailure[]): QuoteSyncView => ({
		state,
		record,
		reason: quoteReason(psaText),
		psaText,
		lines: failedLines(failures, lines)
	});
	const issueView = (found: Issue) =>
		outcome(found.severity === 'warning' ? 'warning' : 'failed', found.message, sync?.lines ?? []);

	if (!sync) {
		// Replicated before sync states were: the issue or the opportunity is all there is.
		if (issue) return issue.state === 'retrying' ? { state: 'queued' } : issueView(issue);
		return record ? { state: 'synced', record } : { state: 'never' };
	}
	if (sync.state === 'queued' || sync.state === 'sending') {
		// An outcome newer than the request has arrived before its row did.
		if (issue && issue.state === 'open' && issue.lastSeenAt > (sync.startedAt ?? sync.requestedAt))
			return issueView(issue);
		// Rows replicated before the budget's wait was kept have no resumesAt.
		const resumesAt = sync.resumesAt ?? null;
		if (sync.state === 'queued' && resumesAt !== null) {
			return { state: 'queued', waiting: { reason: sync.message || 'Waiting for the PSA', resumesAt } };
		}
		return { state: sync.state };
	}
	const finishedAt = sync.finishedAt ?? sync.requestedAt;
	// Someone tapped Retry on the issue after this run ended.
	if (issue?.state === 'retrying' && issue.lastSeenAt >= finishedAt) return { state: 'queued' };
	// A failure the runner recorded after this row (the row is older than the issue): the issue wins.
	if (issue && issue.lastSeenAt > finishedAt) return issueView(issue);
	if (sync.state === 'synced') return { state: 'synced', record };
	return outcome(sync.state, sync.message || issue?.message || '', sync.lines);
}

function newestIssueOf(quoteId: string, issues: readonly Issue[]): Issue | undefined {
	return issues
		.filter(
			(i) => i.operation === 'syncQuote' && (i.quoteId ?? (i.entityTable === 'quotes' ? i.entityId : null)) === quoteId
		)
		.sort((a, b) => b.lastSeenAt - a.lastSeenAt)[0];
}

function recordOf(
	quoteId: string,
	sync: QuoteSync | undefined,
	opportunities: readonly Opportunity[]
): PsaRecord | null {
	if (sync?.number && sync.provider) {
		return { name: `${PROVIDER_LABELS[sync.provider]} quote`, number: sync.number, url: sync.url };
	}
	const opportunity = opportunities
		.filter((o) => o.quoteId === quoteId)
		.sort((a, b) => b.lastActivityAt - a.lastActivityAt)[0];
	return opportunity
		? { name: `${PROVIDER_LABELS[opportunity.provider]} opportunity`, number: opportunity.externalId, url: null }
		: null;
}

/** The quote's lines that failed, in the quote's order; a line removed since is no longer news. */
function failedLines(failures: readonly LineFailure[], lines: readonly QuoteLine[]): FailedLine[] {
	const byId = new Map(failures.map((f) => [f.lineId, f.message]));
	return lines.flatMap((line, index) => {
		const psaText = byId.get(line.id);
		if (psaText === undefined) return [];
		const label = line.description.split('\n')[0]!.trim() || `Line ${index + 1}`;
		return [{ lineId: line.id, label, reason: lineReason(psaText), psaText }];
	});
}

/** "Waiting for Autotask’s hourly request budget; resumes about 14:05", in the reader's clock. */
export function waitingText(waiting: Waiting, locale?: string, timeZone?: string): string {
	const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(
		waiting.resumesAt
	);
	return `${waiting.reason}; resumes about ${time}`;
}
