// The expected failures of an Autotask call, as values the job runner can act on: what happened
// (code), a sentence for the sync issue (message), and what it needs to retry. No retry policy here.

/** Texts the seeds quote (../shared/seeds): contract, verbatim. */
export const AUTOTASK_MESSAGES = {
	authentication: 'Autotask authentication error: please verify your credentials',
	noMatchingRecords: 'No matching records found',
	connectionReset: 'The connection to Autotask was reset.',
	rateLimited: 'Autotask API rate limit exceeded'
} as const;

export type AutotaskFailure =
	/** 401, or a 500 whose text names a credential problem (§1.2: a wrong user name or integration code is a 500). */
	| { ok: false; code: 'auth_failed'; message: string; status: number; detail: string | null }
	/** A business rule or validation failure: Autotask's own words, passed through verbatim (§1.6). */
	| { ok: false; code: 'rejected'; message: string; errors: string[]; status: number }
	/** 429, or the hourly threshold / thread limit (§1.8); `retryAfterMs` from Retry-After when sent. */
	| { ok: false; code: 'rate_limited'; message: string; retryAfterMs: number | null; status: number }
	/** The socket was reset or the request never got an answer (fetch's TypeError); safe to retry. */
	| { ok: false; code: 'connection_reset'; message: string; cause: string | null }
	| { ok: false; code: 'timeout'; message: string }
	/** Get by id of a record that does not exist (HTTP 404). */
	| { ok: false; code: 'not_found'; message: string; status: number }
	/** A query that had to find a record found none. */
	| { ok: false; code: 'no_matching_records'; message: string }
	/** A paged query went past the page cap the caller set. */
	| { ok: false; code: 'too_many_pages'; message: string }
	/** The caller asked for something the client cannot send (e.g. a child without its parent id). */
	| { ok: false; code: 'invalid_request'; message: string }
	/** Anything else: an unknown status, a body that is not the documented shape. */
	| { ok: false; code: 'unexpected_response'; message: string; status: number | null };

export type AutotaskFailureCode = AutotaskFailure['code'];
export type AutotaskResult<T> = { ok: true; value: T } | AutotaskFailure;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function unexpected(message: string, status: number | null = null): AutotaskFailure {
	return { ok: false, code: 'unexpected_response', message, status };
}

export function noMatchingRecords(): AutotaskFailure {
	return { ok: false, code: 'no_matching_records', message: AUTOTASK_MESSAGES.noMatchingRecords };
}
