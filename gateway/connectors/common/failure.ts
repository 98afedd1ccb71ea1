// One taxonomy of what goes wrong when Outpost calls an outside system, and the one mapper from a
// client's failure to the runner's PsaFailure. Each client's failure union is built from these members
// (adding its own where its wire says more), so every connector fails in the same words and kinds.

import type { HealthSignal, PsaFailure, PsaResult, RootCause } from '../../psa/provider.ts';
import type { TransportFailure } from './transport-core.ts';

/** The system refused who we are: a 401, or its own way of saying the credentials are wrong. */
export type AuthFailed = { ok: false; code: 'auth_failed'; message: string; status: number; detail?: string | null };
/** The system said no in its own words (a rule, a validation), passed through verbatim. */
export type Rejected = { ok: false; code: 'rejected'; message: string; status: number };
/** "Slow down": a 429 or a threshold; `retryAfterMs` from Retry-After when the system sends one. */
export type RateLimited = {
	ok: false;
	code: 'rate_limited';
	message: string;
	retryAfterMs: number | null;
	status: number;
};
/** A 5xx with the system's message: it may answer later. */
export type ServerError = { ok: false; code: 'server_error'; message: string; status: number };
/**
 * The system is down for maintenance or overloaded (a 5xx, or its own words for it): it will answer
 * later, so the runner retries it like a reset connection.
 */
export type Unavailable = {
	ok: false;
	code: 'unavailable';
	message: string;
	status: number;
	retryAfterMs: number | null;
};
/** A record asked for by id does not exist (any more). */
export type NotFound = { ok: false; code: 'not_found'; message: string; status: number };
/** A paged read went past the page cap the caller set. */
export type TooManyPages = { ok: false; code: 'too_many_pages'; message: string };
/** The caller asked for something the client cannot send. */
export type InvalidRequest = { ok: false; code: 'invalid_request'; message: string };
/** Anything else: an unknown status, a body that is not the documented shape. */
export type UnexpectedResponse = { ok: false; code: 'unexpected_response'; message: string; status: number | null };
/** The socket was reset or the request got no answer in time (safe to retry). */
export type { TransportFailure };

/** What every client failure has: a code from the taxonomy above and a sentence for the sync issue. */
export type ClientFailure = {
	ok: false;
	code: ConnectorFailureCode;
	message: string;
	retryAfterMs?: number | null;
};
export type ConnectorFailureCode =
	| (
			| AuthFailed
			| Rejected
			| RateLimited
			| ServerError
			| Unavailable
			| NotFound
			| TooManyPages
			| InvalidRequest
			| UnexpectedResponse
			| TransportFailure
	  )['code']
	/** A query that had to find a record found none (Autotask answers an empty page, not a 404). */
	| 'no_matching_records';

export type ClientResult<T, F extends ClientFailure> = { ok: true; value: T } | F;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function unexpected(message: string, status: number | null = null): UnexpectedResponse {
	return { ok: false, code: 'unexpected_response', message, status };
}

/**
 * A system's own words where the seeds quote a fixed text instead of the client's (ConnectWise's 429 is
 * always "ConnectWise API rate limit exceeded"), by code.
 */
export type FailureWording = Partial<Record<ConnectorFailureCode, string>>;

/**
 * The runner's kind for each code: resets and timeouts may be retried, a 429 waits, refused credentials
 * point at the one fix (re-enter them), everything else needs a person and keeps the system's text.
 */
export function toPsaFailure(failure: ClientFailure, wording: FailureWording = {}, rootCause?: RootCause): PsaFailure {
	const message = wording[failure.code] ?? failure.message;
	const health = healthOf(failure);
	const signal = health ? { health } : {};
	switch (failure.code) {
		case 'connection_reset':
		case 'timeout':
			return { ok: false, kind: 'transient', message, ...signal };
		case 'unavailable':
			return { ok: false, kind: 'transient', message, retryAfterMs: failure.retryAfterMs ?? null, ...signal };
		case 'rate_limited':
			return { ok: false, kind: 'rate_limited', message, retryAfterMs: failure.retryAfterMs ?? null };
		case 'auth_failed':
			return { ...credentialsRefused(message), ...signal };
		default:
			return { ...permanent(message, rootCause), ...signal };
	}
}

/**
 * What a failure says of the system itself: refused credentials, a 5xx it did not explain (a 500 with
 * Autotask's own rule text is `rejected`: the system is up), or no answer. Rules and 404s say nothing.
 */
export function healthOf(failure: ClientFailure): HealthSignal | null {
	const status = (failure as { status?: unknown }).status;
	switch (failure.code) {
		case 'auth_failed':
			return 'auth_failed';
		case 'server_error':
		case 'unavailable':
			return 'server_error';
		case 'unexpected_response':
			return typeof status === 'number' && status >= 500 ? 'server_error' : null;
		case 'connection_reset':
		case 'timeout':
			return 'unreachable';
		default:
			return null;
	}
}

export type FailureMapper<F extends ClientFailure> = {
	/** `rootCause`: what one fix resolves, when the caller knows it better than the code does. */
	toPsaFailure(failure: F, rootCause?: RootCause): PsaFailure;
	/** A client result as the adapter's result. */
	lift<T>(result: ClientResult<T, F>): PsaResult<T>;
};

/** The mapper of one system: the shared taxonomy with that system's fixed texts. */
export function failureMapper<F extends ClientFailure>(wording: FailureWording = {}): FailureMapper<F> {
	const map = (failure: F, rootCause?: RootCause) => toPsaFailure(failure, wording, rootCause);
	return { toPsaFailure: map, lift: (result) => (result.ok ? result : map(result)) };
}

/** A person must act; the message is what the sync issue shows. */
export const permanent = (message: string, rootCause?: RootCause): PsaFailure => ({
	ok: false,
	kind: 'permanent',
	message,
	...(rootCause ? { rootCause } : {})
});

/** The saved credentials are refused or unreadable: the fix is to re-enter them. */
export const credentialsRefused = (message: string): PsaFailure => permanent(message, { kind: 'credentials' });

/** Failures that stop the whole sync, not just one line: the next call would fail the same way. */
export const stopsTheRun = (failure: PsaFailure) => failure.kind !== 'permanent' || failure.rootCause !== undefined;
