// The expected failures of an Ingram Micro call, as values: the shared taxonomy (../../common/failure.ts)
// with Ingram's own details (why auth failed, which products are unavailable, a maintenance window).
// The texts the procurement seed (002) quotes are here, verbatim where it fixes them.

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
	type TransportFailure,
	type UnexpectedResponse
} from '../../common/failure.ts';

/** The seed's words: `"Invalid customer number"`, and where it is fixed. */
export const INVALID_CUSTOMER_NUMBER = 'Invalid customer number';

export const INGRAM_MESSAGES = {
	invalidCustomerNumber: `${INVALID_CUSTOMER_NUMBER}. The ordering credentials need to be updated at Admin > Distributors.`,
	/** Seed 002, "Expired OAuth tokens". */
	reauthenticate:
		'Expired OAuth token: for Ingram Micro ordering, OAuth tokens expire. Re-authenticate at Admin > Distributors.',
	/** Seed 002, "Products unavailable at distributor". */
	productUnavailable:
		'Products unavailable at distributor: the product may be out of stock or discontinued at the distributor since the quote was created. Check current availability in the Marketplace.',
	/** Seed 002, "Order stuck in Processing". */
	temporarilyUnavailable:
		'The distributor API may be slow or temporarily unavailable. Check the error details and retry.',
	rateLimited: 'Ingram Micro API rate limit exceeded',
	connectionReset: 'The connection to Ingram Micro was reset.'
} as const;

/** Why a product cannot be ordered: no stock and no backorder, or no longer sold. */
export type UnavailableReason = 'out_of_stock' | 'discontinued' | 'unknown_product';
export type UnavailableProduct = {
	ingramPartNumber: string | null;
	vendorPartNumber: string | null;
	customerLineNumber: string | null;
	reason: UnavailableReason;
	/** Ingram's own words (`productStatusMessage`, `rejectReason`). */
	detail: string;
};

export type IngramAuthFailed = AuthFailed & {
	/**
	 * token_refused: a 401 stayed a 401 after one fresh token (revoked); credentials_refused: the token
	 * endpoint refused the client id/secret; customer_number: the account does not match the app.
	 */
	reason: 'token_refused' | 'credentials_refused' | 'customer_number';
	detail: string | null;
};

export type IngramFailure =
	| IngramAuthFailed
	/** A 400 with Ingram's validation body (§4.5), its text and fields verbatim. */
	| (Rejected & { reason: 'validation'; fields: { field: string; message: string }[] })
	/** Order create rejected lines (out of stock, discontinued): the order is not placed as asked. */
	| (Rejected & { reason: 'product_unavailable'; products: UnavailableProduct[] })
	/** 429 (§4.5-4.6), or X-RateLimit-Remaining at 0 with the reset too far off to wait for. */
	| RateLimited
	/** 5xx: a daily maintenance window (§4.1) or a gateway fault; worth a later retry. */
	| (ServerError & { maintenance: boolean })
	| NotFound
	| TransportFailure
	| InvalidRequest
	| UnexpectedResponse;

export type IngramFailureCode = IngramFailure['code'];
export type IngramResult<T> = ClientResult<T, IngramFailure>;

export { ok, unexpected };
