// The expected failures of an Autotask call, as values the job runner can act on: what happened
// (code), a sentence for the sync issue (message), and what it needs to retry: the shared taxonomy
// (../../common/failure.ts) with Autotask's own details. No retry policy here.

import {
	ok,
	unexpected,
	type AuthFailed,
	type ClientResult,
	type InvalidRequest,
	type NotFound,
	type RateLimited,
	type Rejected,
	type TooManyPages,
	type TransportFailure,
	type UnexpectedResponse
} from '../../common/failure.ts';

/** Texts the seeds quote (../shared/seeds): contract, verbatim. */
export const AUTOTASK_MESSAGES = {
	authentication: 'Autotask authentication error: please verify your credentials',
	noMatchingRecords: 'No matching records found',
	connectionReset: 'The connection to Autotask was reset.',
	rateLimited: 'Autotask API rate limit exceeded'
} as const;

export type AutotaskFailure =
	/** 401, or a 500 whose text names a credential problem (§1.2: a wrong user name or integration code is a 500). */
	| (AuthFailed & { detail: string | null })
	/** A business rule or validation failure: Autotask's own words, passed through verbatim (§1.6). */
	| (Rejected & { errors: string[] })
	/** 429, or the hourly threshold / thread limit (§1.8). */
	| RateLimited
	| TransportFailure
	/** Get by id of a record that does not exist (HTTP 404). */
	| NotFound
	/** A query that had to find a record found none. */
	| { ok: false; code: 'no_matching_records'; message: string }
	| TooManyPages
	/** e.g. a child without its parent id. */
	| InvalidRequest
	| UnexpectedResponse;

export type AutotaskFailureCode = AutotaskFailure['code'];
export type AutotaskResult<T> = ClientResult<T, AutotaskFailure>;

export { ok, unexpected };

export function noMatchingRecords(): AutotaskFailure {
	return { ok: false, code: 'no_matching_records', message: AUTOTASK_MESSAGES.noMatchingRecords };
}
