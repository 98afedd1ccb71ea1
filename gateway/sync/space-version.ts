// The per-organisation space version (reference/sync.md section 2.4): every write transaction
// first increments it, which takes the org row's lock until commit, and stamps its rows with the result.

import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../store/schema.ts';

export async function nextSpaceVersion(trx: Transaction<Database>, orgId: string): Promise<number> {
	const row = await trx
		.updateTable('orgs')
		.set({ version: sql`version + 1` })
		.where('id', '=', orgId)
		.returning('version')
		.executeTakeFirstOrThrow();
	return row.version;
}
