// The client's address on Node: the socket's peer, or behind one trusted reverse proxy
// (TRUST_PROXY=1) the last X-Forwarded-For entry, the one that proxy added. Earlier entries are
// whatever the client claimed and are never trusted.

import { getConnInfo } from '@hono/node-server/conninfo';
import type { ClientAddress } from '../http/client-address.ts';

export function nodeClientAddress(trustProxy: boolean): ClientAddress {
	return (c) => {
		if (trustProxy) {
			const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim());
			const last = hops.at(-1);
			if (last) return last;
		}
		return getConnInfo(c).remote.address ?? 'unknown';
	};
}
