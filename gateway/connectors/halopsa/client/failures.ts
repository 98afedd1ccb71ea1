// The expected failures of a HaloPSA call, as values the job runner can act on: what happened (code),
// a sentence for the sync issue (message), and what it needs to retry. No retry policy here.

/** Texts the seeds quote (../shared/seeds), worded for HaloPSA: contract, verbatim. */
export const HALO_MESSAGES = {
	authentication: 'HaloPSA authentication error: please verify your credentials',
	connectionReset: 'The connection to HaloPSA was reset.',
	rateLimited: 'HaloPSA API rate limit exceeded'
} as const;

export type HaloFailure =
	/** The token endpoint refused the credentials, or a request stayed 401 after one fresh token (§3.2). */
	| { ok: false; code: 'auth_failed'; message: string; status: number; detail: string | null }
	/** Halo said no, in its own words (§3.7: a 400 model state, a 403, a 5xx with a message), verbatim. */
	| { ok: false; code: 'rejected'; message: string; errors: string[]; status: number }
	/** 429 (§3.8); `retryAfterMs` from Retry-After when Halo sends one. */
	| { ok: false; code: 'rate_limited'; message: string; retryAfterMs: number | null; status: number }
	/** The socket was reset or the request never got an answer (fetch's TypeError); safe to retry. */
	| { ok: false; code: 'connection_reset'; message: string; cause: string | null }
	| { ok: false; code: 'timeout'; message: string }
	/** 404 without an error text. */
	| { ok: false; code: 'not_found'; message: string; status: number }
	/** A paged list went past the page cap the caller set. */
	| { ok: false; code: 'too_many_pages'; message: string }
	/** Anything else: an unknown status, a body that is not the documented shape. */
	| { ok: false; code: 'unexpected_response'; message: string; status: number | null };

export type HaloFailureCode = HaloFailure['code'];
export type HaloResult<T> = { ok: true; value: T } | HaloFailure;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function unexpected(message: string, status: number | null = null): HaloFailure {
	return { ok: false, code: 'unexpected_response', message, status };
}
