// The expected failures of a TD SYNNEX call, as values: the shared taxonomy (../../common/failure.ts)
// with what TD SYNNEX's answers say more (which credential is refused, which products are unavailable,
// a PO number it already has). The texts the seeds quote are here, verbatim.

import {
	ok,
	unexpected,
	type AuthFailed,
	type ClientResult,
	type InvalidRequest,
	type RateLimited,
	type Rejected,
	type TransportFailure,
	type Unavailable,
	type UnexpectedResponse
} from '../../common/failure.ts';

/** Texts the seeds quote (../shared/seeds/002: Procurement queue issues, Order fulfillment errors). */
export const TDSYNNEX_MESSAGES = {
	invalidCustomerNumber: 'Invalid customer number',
	productsUnavailable: 'Products unavailable at distributor',
	authentication: 'TD SYNNEX authentication error: please verify your credentials',
	unavailable: 'TD SYNNEX is temporarily unavailable (maintenance or overload)',
	connectionReset: 'The connection to TD SYNNEX was reset.',
	rateLimited: 'TD SYNNEX API rate limit exceeded'
} as const;

/** Why TD SYNNEX will not sell a line: the seed's "out of stock or discontinued", or an unknown SKU. */
export type UnavailableReason = 'out_of_stock' | 'discontinued' | 'not_found';

export type UnavailableLine = { lineNumber: number; sku: string; reason: UnavailableReason; detail: string };

export type TdSynnexFailure =
	/** The EC Express user or password was refused, or the customer number is not theirs. */
	| (AuthFailed & { reason: 'credentials' | 'customer_number' })
	/**
	 * TD SYNNEX said no in its own words. `lines` names the products it will not sell (the whole PO is
	 * refused then); `duplicate` is its answer to a PO number it already has.
	 */
	| (Rejected & { lines: UnavailableLine[]; duplicate: boolean })
	| RateLimited
	/** A 5xx or its maintenance page: retried later. */
	| Unavailable
	| TransportFailure
	/** The order asked for cannot be sent as given (names the field). */
	| InvalidRequest
	| UnexpectedResponse;

export type TdSynnexResult<T> = ClientResult<T, TdSynnexFailure>;

export { ok, unexpected };

export function rejected(message: string, status = 200, lines: UnavailableLine[] = []): TdSynnexFailure {
	return { ok: false, code: 'rejected', message, status, lines, duplicate: false };
}

/** "Products unavailable at distributor: 1000123 is discontinued; 1000456 is out of stock." */
export function productsUnavailable(lines: UnavailableLine[], status = 200): TdSynnexFailure {
	const what = { out_of_stock: 'is out of stock', discontinued: 'is discontinued', not_found: 'is not sold' };
	const list = lines.map((l) => `${l.sku} ${what[l.reason]}`).join('; ');
	return rejected(`${TDSYNNEX_MESSAGES.productsUnavailable}: ${list}.`, status, lines);
}
