// Where a re-index run stopped, kept in psa_cursors and committed in the same transaction as each
// record's result, so a restarted runner resumes after the last finished record and redoes none.
// The job id tells a resumed run (same job) from a new one, which starts over.

import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../store/schema.ts';

export type Checkpoint = {
	job: string;
	/** The last finished local id (entity runs), or null before the first. */
	after: string | null;
	/** How many targets are finished (record runs, whose short list is fixed at the start). */
	position: number;
};

const checkpointSchema = z.object({ job: z.string(), after: z.string().nullable(), position: z.number().int().min(0) });

type Db = Kysely<Database> | Transaction<Database>;
export type CheckpointKey = { orgId: string; provider: string; scope: string };

const nameOf = (scope: string) => `reindex:${scope}`;

export async function readCheckpoint(db: Db, key: CheckpointKey): Promise<Checkpoint | null> {
	const row = await db
		.selectFrom('psa_cursors')
		.select('value')
		.where('org_id', '=', key.orgId)
		.where('provider', '=', key.provider)
		.where('name', '=', nameOf(key.scope))
		.executeTakeFirst();
	if (!row) return null;
	const parsed = checkpointSchema.safeParse(JSON.parse(row.value));
	return parsed.success ? parsed.data : null;
}

export async function writeCheckpoint(db: Db, key: CheckpointKey, checkpoint: Checkpoint): Promise<void> {
	const value = JSON.stringify(checkpoint);
	await db
		.insertInto('psa_cursors')
		.values({ org_id: key.orgId, provider: key.provider, name: nameOf(key.scope), value })
		.onConflict((oc) => oc.columns(['org_id', 'provider', 'name']).doUpdateSet({ value }))
		.execute();
}

export async function clearCheckpoint(db: Db, key: CheckpointKey): Promise<void> {
	await db
		.deleteFrom('psa_cursors')
		.where('org_id', '=', key.orgId)
		.where('provider', '=', key.provider)
		.where('name', '=', nameOf(key.scope))
		.execute();
}
