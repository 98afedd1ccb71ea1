// The expected failures of a ConnectWise call, as values the job runner can act on: what happened
// (code), a sentence for the sync issue (message), and what it needs to retry: the shared taxonomy
// (../../common/failure.ts) with ConnectWise's own details. No retry policy here.

import {
	ok,
	unexpected,
	type AuthFailed,
	type ClientResult,
	type InvalidRequest,
	type NotFound,
	type RateLimited,
	type Rejected,
	type ServerError,
	type TooManyPages,
	type TransportFailure,
	type UnexpectedResponse
} from '../../common/failure.ts';

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
	| AuthFailed
	/** 400, 403, 409 and the like: ConnectWise's own words (§2.7 ErrorResponseMessage), verbatim. */
	| (Rejected & { cwCode: string | null; errors: ValidationError[] })
	/** 429 (§2.8). */
	| RateLimited
	/** 5xx: ConnectWise's message when it sent one (§2.7: "retry with backoff"). */
	| ServerError
	| TransportFailure
	/** 404 on a record; on cloud a 404 can also mean bad auth (§2.1). */
	| NotFound
	| TooManyPages
	| InvalidRequest
	| UnexpectedResponse;

export type ConnectwiseFailureCode = ConnectwiseFailure['code'];
export type ConnectwiseResult<T> = ClientResult<T, ConnectwiseFailure>;

export { ok, unexpected };
