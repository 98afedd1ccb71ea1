// What the quote screens need of a replica: its database, whose device it is, and local mutations.
// Narrower than Replica, so a bench or a test can hand in a database without a sync loop.

import type { Replica } from '../sync/replica.svelte.ts';

export type QuoteReplica = Pick<Replica, 'db' | 'principal' | 'mutate'>;
