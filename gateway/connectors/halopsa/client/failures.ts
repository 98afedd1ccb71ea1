// The expected failures of a HaloPSA call, as values the job runner can act on: what happened (code),
// a sentence for the sync issue (message), and what it needs to retry: the shared taxonomy
// (../../common/failure.ts) with HaloPSA's own details. No retry policy here.

import {
	ok,
	unexpected,
	type AuthFailed,
	type ClientResult,
	type NotFound,
	type RateLimited,
	type Rejected,
	type TooManyPages,
	type TransportFailure,
	type UnexpectedResponse
} from '../../common/failure.ts';

/** Texts the seeds quote (../shared/seeds), worded for HaloPSA: contract, verbatim. */
export const HALO_MESSAGES = {
	authentication: 'HaloPSA authentication error: please verify your credentials',
	connectionReset: 'The connection to HaloPSA was reset.',
	rateLimited: 'HaloPSA API rate limit exceeded'
} as const;

export type HaloFailure =
	/** The token endpoint refused the credentials, or a request stayed 401 after one fresh token (§3.2). */
	| (AuthFailed & { detail: string | null })
	/**
	 * Halo said no, in its own words (§3.7: a 400 model state, a 403, a 5xx with a message), verbatim;
	 * `fieldErrors` when it was a model state, each text with the property path it is about.
	 */
	| (Rejected & { errors: string[]; fieldErrors?: FieldError[] })
	/** 429 (§3.8). */
	| RateLimited
	| TransportFailure
	/** 404 without an error text. */
	| NotFound
	| TooManyPages
	| UnexpectedResponse;

/** One text of a 400 model state and its key: `{ path: '[0].lines[2].item_id', message: 'Item 7 does not exist.' }`. */
export type FieldError = { path: string; message: string };

export type HaloFailureCode = HaloFailure['code'];
export type HaloResult<T> = ClientResult<T, HaloFailure>;

export { ok, unexpected };
