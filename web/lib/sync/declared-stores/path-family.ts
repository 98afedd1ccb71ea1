// The paths of mutations that declared-stores.test.ts runs on the real local write, a family of
// mutations at a time: the rows each family's paths start from, who runs them, and their outcomes.

import { buildPrincipal } from '../../../../shared/test/builders.ts';
import type { Principal } from '../../../../shared/auth/permissions.ts';
import type { MutationName } from '../../../../shared/mutations/registry.ts';
import type { LocalDb } from '../../platform/local-db.ts';

/** One path of a mutation: its arguments, and the error code it ends with (null: it is applied). */
export type Path = { args: Record<string, unknown>; outcome: string | null };

export const path = (args: Record<string, unknown>, outcome: string | null = null): Path => ({ args, outcome });

/** Every path that reads a table another does not: each store a mutation touches is reached. */
export type PathFamily = {
	name: string;
	as: Principal;
	seed(db: LocalDb): Promise<void>;
	paths: Partial<Record<MutationName, Path[]>>;
};

export const sales = buildPrincipal({ permissions: ['quoteEditor', 'productViewer'] });

export const admin: Principal = { ...sales, userId: 'user-admin', isAdmin: true, permissions: [] };
