// The raw SQL references of the gateway bench: the statements a pull or push needs at minimum,
// on a driver connection of their own (bench-stores.ts). Writes go to an organisation of their own,
// so they touch the same tables and indexes as the gateway's writes without changing its answers.

import type { Quote, QuoteLine } from '../../shared/schema/entities.ts';
import type { Store } from '../../gateway/store/store.ts';
import type { RawSql } from './bench-stores.ts';

export const REF_ORG = 'org-bench-ref';
export const REF_CLIENT = 'bench-ref-client';

export async function prepareReferenceOrg(store: Store, userId: string): Promise<void> {
	await store.write(async (trx) => {
		await trx
			.insertInto('orgs')
			.values({ id: REF_ORG, name: 'Bench reference', version: 0, next_quote_number: 1 })
			.execute();
		await trx
			.insertInto('client_groups')
			.values({ id: REF_CLIENT, user_id: userId, org_id: REF_ORG, created_at: 0 })
			.execute();
		await trx
			.insertInto('clients')
			.values({ id: REF_CLIENT, client_group_id: REF_CLIENT, last_mutation_id: 0, version: 0 })
			.execute();
	});
}

/** An unchanged cookie needs the org's version and the user's ACL version, read in one snapshot. */
export function rawNoopPull(raw: RawSql, orgId: string, userId: string): Promise<unknown[]> {
	return raw.transaction(
		(q) =>
			q(
				'SELECT o.version AS v, u.acl_version AS acl FROM orgs o JOIN users u ON u.org_id = o.id WHERE o.id = ? AND u.id = ?',
				[orgId, userId]
			),
		true
	);
}

/** The rows a delta pull reads, in cursor order, in one snapshot. */
export function rawDeltaQuery(raw: RawSql, orgId: string, sinceVersion: number, limit: number): Promise<unknown[]> {
	return raw.transaction(
		(q) =>
			q(
				'SELECT tbl, id, version, deleted, value FROM entities WHERE org_id = ? AND version > ? ORDER BY version, tbl, id LIMIT ?',
				[orgId, sinceVersion, limit]
			),
		true
	);
}

const UPSERT =
	'INSERT INTO entities (org_id, tbl, id, version, deleted, scope, parent, value) VALUES (?, ?, ?, ?, 0, ?, ?, ?) ' +
	'ON CONFLICT (org_id, tbl, id) DO UPDATE SET version = excluded.version, deleted = 0, scope = excluded.scope, parent = excluded.parent, value = excluded.value';

/**
 * What `mutations` addQuoteLine mutations write, in one transaction: a space-version bump, each new
 * line and its touched quote upserted, and the client's lastMutationID.
 */
export async function rawInsertMutationRows(
	raw: RawSql,
	writes: readonly { line: QuoteLine; quote: Quote }[],
	lastMutationID: number
): Promise<void> {
	await raw.transaction(async (q) => {
		const [row] = (await q('UPDATE orgs SET version = version + 1 WHERE id = ? RETURNING version', [REF_ORG])) as {
			version: number;
		}[];
		const version = Number(row!.version);
		for (const { line, quote } of writes) {
			await q(UPSERT, [REF_ORG, 'quoteLines', line.id, version, quote.companyId, line.quoteId, JSON.stringify(line)]);
			await q(UPSERT, [REF_ORG, 'quotes', quote.id, version, quote.companyId, quote.companyId, JSON.stringify(quote)]);
		}
		await q('UPDATE clients SET last_mutation_id = ?, version = ? WHERE id = ?', [lastMutationID, version, REF_CLIENT]);
	});
}
