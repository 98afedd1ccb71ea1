// What a mutation is: a name, a zod schema of its arguments, the permission it needs, and an
// apply() written against Tx that runs optimistically on the client and authoritatively on the gateway.

import type { z } from 'zod';
import type { Principal, Requirement } from '../auth/permissions.ts';
import type { TableName } from '../schema/tables.ts';
import type { Tx } from '../sync/tx.ts';

export type MutationContext = {
	/** The signed-in user on whose behalf the mutation runs. */
	userId: string;
	/** What the mutation may need to know about that user beyond its permission (a customer's company). */
	actor: Pick<Principal, 'kind' | 'companyId' | 'isAdmin' | 'permissions'>;
	/** Milliseconds since the epoch: the client's clock when optimistic, the gateway's when authoritative. */
	now: number;
};

export type MutationDef<Name extends string = string, Args extends z.ZodType = z.ZodType> = {
	name: Name;
	args: Args;
	permission: Requirement;
	/**
	 * Every table apply() may read or write (the union over its paths): the client's local write opens
	 * its IndexedDB transaction over these alone (and the outbox), which costs less than one over every
	 * store and leaves the live queries of other tables free to read meanwhile. A table left out fails
	 * the write (web/lib/sync/declared-stores.test.ts runs each path).
	 */
	stores: readonly TableName[];
	apply(tx: Tx, args: z.infer<Args>, ctx: MutationContext): Promise<void>;
};

export function defineMutation<const Name extends string, Args extends z.ZodType>(
	def: MutationDef<Name, Args>
): MutationDef<Name, Args> {
	return def;
}
