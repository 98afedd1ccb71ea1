// Where a quote's PSA sync stands, replicated to who edits quotes: asked for (queued, or back in the
// queue until the PSA's hourly budget allows it), picked up by the job runner (sending), and how it
// ended (synced, warning, failed), with the PSA record it became and the lines the PSA refused, each
// with the PSA's own words.

import { z } from 'zod';
import { provider } from '../psa/providers.ts';
import { id } from './entities.ts';
import { timestamp } from './timestamp.ts';

export const QUOTE_SYNC_STATES = ['queued', 'sending', 'synced', 'warning', 'failed'] as const;
export const quoteSyncState = z.enum(QUOTE_SYNC_STATES);
export type QuoteSyncStateName = z.infer<typeof quoteSyncState>;

/** One line the PSA did not take: the line, and the PSA's text (or the sync's, when it never asked). */
export const lineFailureSchema = z.object({
	lineId: id,
	message: z.string().max(2_000)
});

export const quoteSyncSchema = z.object({
	/** The quote's id: one row per quote. */
	id,
	/** Null until the job runner knows which PSA it sends to. */
	provider: provider.nullable(),
	state: quoteSyncState,
	/** When someone last asked (Send to PSA, or Retry). */
	requestedAt: timestamp,
	/** When the job runner last picked it up; null while it waits. */
	startedAt: timestamp.nullable(),
	/** When the last run ended; null while one is queued or running. */
	finishedAt: timestamp.nullable(),
	/** The PSA's record of the quote and how people find it there; null until it first synced. */
	externalId: z.string().max(64).nullable(),
	number: z.string().max(64).nullable(),
	url: z
		.url({ protocol: /^https?$/ })
		.max(2_048)
		.nullable(),
	/**
	 * The PSA's own words for why the last run failed or warned; while queued, why it waits ('' when
	 * neither).
	 */
	message: z.string().max(2_000),
	lines: z.array(lineFailureSchema).max(1_000),
	/** Queued again because the PSA's hourly budget is spent: about when the runner picks it up. */
	resumesAt: timestamp.nullable().default(null)
});

export type QuoteSync = z.infer<typeof quoteSyncSchema>;
export type LineFailure = z.infer<typeof lineFailureSchema>;

/** The row Send to PSA writes: queued, keeping what the quote became the last time it synced. */
export function queuedQuoteSync(quoteId: string, previous: QuoteSync | undefined, now: number): QuoteSync {
	return {
		id: quoteId,
		provider: previous?.provider ?? null,
		state: 'queued',
		requestedAt: now,
		startedAt: null,
		finishedAt: null,
		externalId: previous?.externalId ?? null,
		number: previous?.number ?? null,
		url: previous?.url ?? null,
		message: '',
		lines: [],
		resumesAt: null
	};
}
