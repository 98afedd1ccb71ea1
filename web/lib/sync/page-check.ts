// Whether a pull page may be applied over what the replica holds: it must answer a pull made from the
// stored cookie, and must not take the replica back (DESIGN section 3). Pure.

import { compareCookies, type Cookie, type PullResponse } from '../../../shared/sync/protocol.ts';

export type PageRefusal = 'cookie-moved' | 'cookie-behind';

export function pageRefusal(
	stored: Cookie | null,
	requestCookie: Cookie | null,
	response: PullResponse
): PageRefusal | null {
	if (!sameCookie(stored, requestCookie)) return 'cookie-moved';
	// Going back is only right when the server starts this client over (a restored store).
	const startsOver = response.patch[0]?.op === 'clear';
	if (stored && !startsOver && isBehind(response.cookie, stored)) return 'cookie-behind';
	return null;
}

/**
 * Cookies order by ACL version first: after what the user may see changed, the gateway resets the
 * client and positions start over from 0 under the new ACL version. An answer under an older ACL
 * version is stale however far its position looks (it may hold rows the user may no longer see).
 */
function isBehind(a: Cookie, b: Cookie): boolean {
	return a.acl < b.acl || (a.acl === b.acl && compareCookies(a, b) < 0);
}

function sameCookie(a: Cookie | null, b: Cookie | null): boolean {
	if (a === null || b === null) return a === b;
	return compareCookies(a, b) === 0 && a.acl === b.acl;
}
