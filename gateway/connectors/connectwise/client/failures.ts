// The expected failures of a ConnectWise call, as values the job runner can act on: what happened
// (code), a sentence for the sync issue (message), and what it needs to retry. No retry policy here.

/** Texts the seeds quote (../shared/seeds): contract, verbatim. */
export const CONNECTWISE_MESSAGES = {
	authentication: 'ConnectWise authentication error: please verify your credentials',
	rateLimited: 'ConnectWise API rate limit exceeded',
	connectionReset: 'The connection to ConnectWise was reset.'
} as const;

/** One item of ConnectWise's `errors` array (§2.7 ValidationError). */
export type ValidationError = { code: string | null; message: string; field: string | null };

export type ConnectwiseFailure =
	/** 401 (§2.7). */
	| { ok: false; code: 'auth_failed'; message: string; status: number }
	/** 400, 403, 409 and the like: ConnectWise's own words (§2.7 ErrorResponseMessage), verbatim. */
	| { ok: false; code: 'rejected'; message: string; cwCode: string | null; errors: ValidationError[]; status: number }
	/** 429 (§2.8); `retryAfterMs` from Retry-After when sent. */
	| { ok: false; code: 'rate_limited'; message: string; retryAfterMs: number | null; status: number }
	/** 5xx: ConnectWise's message when it sent one (§2.7: "retry with backoff"). */
	| { ok: false; code: 'server_error'; message: string; status: number }
	/** The socket was reset or the request never got an answer (fetch's TypeError). */
	| { ok: false; code: 'connection_reset'; message: string; cause: string | null }
	| { ok: false; code: 'timeout'; message: string }
	/** 404 on a record; on cloud a 404 can also mean bad auth (§2.1). */
	| { ok: false; code: 'not_found'; message: string; status: number }
	| { ok: false; code: 'too_many_pages'; message: string }
	/** The caller asked for something the client cannot send. */
	| { ok: false; code: 'invalid_request'; message: string }
	/** Anything else: an unknown status, a body that is not the documented shape. */
	| { ok: false; code: 'unexpected_response'; message: string; status: number | null };

export type ConnectwiseFailureCode = ConnectwiseFailure['code'];
export type ConnectwiseResult<T> = { ok: true; value: T } | ConnectwiseFailure;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function unexpected(message: string, status: number | null = null): ConnectwiseFailure {
	return { ok: false, code: 'unexpected_response', message, status };
}
