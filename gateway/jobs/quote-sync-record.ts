// What the job runner writes to a quote's sync state (pure): sending when it picks the job up, queued
// again (why, and until when) when the PSA's hourly budget turns the run away, then how the run ended.
// What the quote became in the PSA is kept through later failures.

import { PROVIDER_LABELS, type Provider } from '../../shared/psa/providers.ts';
import type { LineFailure, QuoteSync } from '../../shared/schema/quote-sync-entities.ts';
import type { QuoteSynced } from '../psa/provider.ts';

type Outcome =
	| { ok: true; value: { warnings: string[]; quote?: QuoteSynced } }
	| { ok: false; message: string; lines?: LineFailure[] };

function base(quoteId: string, previous: QuoteSync | undefined, now: number): QuoteSync {
	return (
		previous ?? {
			id: quoteId,
			provider: null,
			state: 'queued',
			requestedAt: now,
			startedAt: null,
			finishedAt: null,
			externalId: null,
			number: null,
			url: null,
			message: '',
			lines: [],
			resumesAt: null
		}
	);
}

export function sendingQuoteSync(
	quoteId: string,
	previous: QuoteSync | undefined,
	provider: Provider,
	now: number
): QuoteSync {
	return {
		...base(quoteId, previous, now),
		provider,
		state: 'sending',
		startedAt: now,
		finishedAt: null,
		message: '',
		resumesAt: null
	};
}

/** The run the budget turned away goes back to the queue, saying why and about when it resumes. */
export function waitingQuoteSync(
	quoteId: string,
	previous: QuoteSync | undefined,
	provider: Provider,
	resumesAt: number,
	now: number
): QuoteSync {
	return {
		...base(quoteId, previous, now),
		provider,
		state: 'queued',
		startedAt: null,
		finishedAt: null,
		message: `Waiting for ${PROVIDER_LABELS[provider]}’s hourly request budget`,
		lines: [],
		resumesAt
	};
}

export function settledQuoteSync(
	quoteId: string,
	previous: QuoteSync | undefined,
	provider: Provider,
	outcome: Outcome,
	now: number
): QuoteSync {
	const row = { ...base(quoteId, previous, now), provider, finishedAt: now, resumesAt: null };
	if (!outcome.ok) {
		return { ...row, state: 'failed', message: outcome.message.slice(0, 2_000), lines: capped(outcome.lines ?? []) };
	}
	const synced = outcome.value.quote;
	const warned = outcome.value.warnings.length > 0;
	return {
		...row,
		state: warned ? 'warning' : 'synced',
		externalId: synced?.externalId.slice(0, 64) ?? row.externalId,
		number: (synced?.number ?? synced?.externalId)?.slice(0, 64) ?? row.number,
		url: synced?.url === undefined ? row.url : validUrl(synced.url),
		message: outcome.value.warnings.join(' ').slice(0, 2_000),
		lines: capped(synced?.lines ?? [])
	};
}

function capped(lines: LineFailure[]): LineFailure[] {
	return lines.slice(0, 1_000).map((l) => ({ lineId: l.lineId, message: l.message.slice(0, 2_000) }));
}

/** A link the PSA's zone gave us; anything else than http(s) is left out rather than stored. */
function validUrl(url: string | null): string | null {
	if (url === null || url.length > 2_048) return null;
	try {
		return ['http:', 'https:'].includes(new URL(url).protocol) ? url : null;
	} catch {
		return null;
	}
}
