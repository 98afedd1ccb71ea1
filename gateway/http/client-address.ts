// Where a request came from, for per-address rate limits. How to tell depends on the runtime and on
// the proxies in front, so the Node entry injects it (gateway/platform/node-client-address.ts).

import type { Context } from 'hono';

export type ClientAddress = (c: Context) => string;

/** Without a runtime that knows, every client shares one address. */
export const unknownClientAddress: ClientAddress = () => 'unknown';
