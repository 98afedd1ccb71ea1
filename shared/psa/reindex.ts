// Re-index (Admin › Tools › Maintenance): which kinds of Outpost record a re-index rebuilds the PSA
// mapping of, what it concluded for each record, and the estimate its progress bar shows. Pure.

import { z } from 'zod';

export const REINDEX_ENTITIES = [
	'products',
	'companies',
	'contacts',
	'opportunities',
	'quotes',
	'users',
	'ticketCharges'
] as const;
export const reindexEntity = z.enum(REINDEX_ENTITIES);
export type ReindexEntity = z.infer<typeof reindexEntity>;

export const REINDEX_LABELS: Record<ReindexEntity, string> = {
	products: 'Products',
	companies: 'Companies',
	contacts: 'Contacts',
	opportunities: 'Opportunities',
	quotes: 'Quotes',
	users: 'Users',
	ticketCharges: 'Ticket charges'
};

/**
 * relinked: the link pointed at nothing (or nowhere) and one PSA record matches; unlinked: the PSA
 * record is gone and nothing matches; unchanged: the linked record is still there; undecided: several
 * PSA records match, so a person must choose.
 */
export const REINDEX_VERDICTS = ['relinked', 'unlinked', 'unchanged', 'undecided'] as const;
export type ReindexVerdict = (typeof REINDEX_VERDICTS)[number];
export type ReindexCounts = Record<ReindexVerdict, number>;

export const reindexCountsSchema = z.object({
	relinked: z.number().int().min(0),
	unlinked: z.number().int().min(0),
	unchanged: z.number().int().min(0),
	undecided: z.number().int().min(0)
});

export const NO_COUNTS: ReindexCounts = { relinked: 0, unlinked: 0, unchanged: 0, undecided: 0 };

/** The Outpost tables whose single records "Re-index this record" can repair. */
export const REINDEXABLE_RECORD_TABLES = ['quotes', 'companies', 'contacts', 'products'] as const;
export type ReindexableRecordTable = (typeof REINDEXABLE_RECORD_TABLES)[number];

export function isReindexableTable(table: string): table is ReindexableRecordTable {
	return (REINDEXABLE_RECORD_TABLES as readonly string[]).includes(table);
}

/** The job's entity id: an entity type, or `<table>/<id>` for one record. */
export function recordScope(table: ReindexableRecordTable, id: string): string {
	return `${table}/${id}`;
}

export function parseScope(
	scope: string
): { kind: 'entity'; entity: ReindexEntity } | { kind: 'record'; table: ReindexableRecordTable; id: string } | null {
	const entity = reindexEntity.safeParse(scope);
	if (entity.success) return { kind: 'entity', entity: entity.data };
	const slash = scope.indexOf('/');
	const table = scope.slice(0, slash);
	const id = scope.slice(slash + 1);
	return slash > 0 && id && isReindexableTable(table) ? { kind: 'record', table, id } : null;
}

/** The id of the progress row of a re-index: one per provider and entity type, one per provider for single records. */
export function reindexRunId(provider: string, entity: ReindexEntity | 'record'): string {
	return `${provider}:${entity}`;
}

export type ReindexProgress = { done: number; total: number; startedAt: number | null; updatedAt: number };

/**
 * How far a run is and how long the rest should take at the rate measured so far (null until a
 * record is done, as there is no rate to go by).
 */
export function reindexEstimate(run: ReindexProgress): { percent: number; remainingMs: number | null } {
	const percent = run.total === 0 ? 0 : Math.min(100, Math.floor((run.done / run.total) * 100));
	if (run.startedAt === null || run.done === 0 || run.done >= run.total) {
		return { percent, remainingMs: run.done >= run.total && run.total > 0 ? 0 : null };
	}
	const elapsed = Math.max(1, run.updatedAt - run.startedAt);
	return { percent, remainingMs: Math.round((elapsed / run.done) * (run.total - run.done)) };
}

/** The seeds' Autotask text for a linked record the PSA no longer has ("No matching records found"). */
export const NO_MATCHING_RECORDS = 'No matching records found';

/** An issue whose record lost its PSA counterpart, and which "Re-index this record" can repair. */
export function offersRecordReindex(issue: { entityTable: string; message: string }): boolean {
	return isReindexableTable(issue.entityTable) && issue.message.includes(NO_MATCHING_RECORDS);
}
