// The per-organisation space version (reference/sync.md section 2.4): every write transaction
// first increments it, which takes the org row's lock until commit, and stamps its rows with the result.

import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { prepared } from '../store/prepared-statements.ts';
import type { Database } from '../store/schema.ts';

export async function nextSpaceVersion(trx: Transaction<Database>, orgId: string): Promise<number> {
	const bump = sql<{
		version: number;
	}>`${prepared('space-version-bump')}UPDATE orgs SET version = version + 1 WHERE id = ${orgId} RETURNING version`;
	const { rows } = await bump.execute(trx);
	if (!rows[0]) throw new Error(`No organisation ${orgId}`);
	return Number(rows[0].version);
}
