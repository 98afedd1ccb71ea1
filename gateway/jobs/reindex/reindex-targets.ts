// Which Outpost records a re-index visits, in a fixed order so a checkpoint can say where it stopped:
// for an entity type, every record of the kind, linked to this PSA or not (the mapping to rebuild), by
// local id; for one record, that record and the records its sync goes through (a quote: company,
// contact, opportunity, quote).

import type { Provider } from '../../../shared/psa/providers.ts';
import type { ReindexableRecordTable, ReindexEntity } from '../../../shared/psa/reindex.ts';
import { readEntities, readEntity } from '../../store/entity-reader.ts';
import type { Store } from '../../store/store.ts';

export type Target = { kind: ReindexEntity; localId: string };

type Scope = { orgId: string; provider: Provider };

/** The replicated table of each kind's Outpost records (an opportunity is its quote's). */
const LOCAL_TABLE = {
	products: 'products',
	companies: 'companies',
	contacts: 'contacts',
	opportunities: 'quotes',
	quotes: 'quotes',
	users: 'users'
} as const;

/** A ticket charge exists only as a PSA's: this PSA's charges, which hold their id on the row. */
async function chargeIds(store: Store, scope: Scope): Promise<string[]> {
	const charges = await readEntities(store.db, scope.orgId, 'ticketCharges');
	return charges.filter((c) => c.provider === scope.provider).map((c) => c.id);
}

/**
 * Every record linked to this PSA and every record of the kind without a link (gone from the PSA, or
 * never matched), so one re-created in the PSA under its natural key is found again. One query, so
 * the checkpoint's `after` and the order agree.
 */
function targetIds(store: Store, scope: Scope, entity: Exclude<ReindexEntity, 'ticketCharges'>) {
	const local = store.db
		.selectFrom('entities')
		.select('id')
		.where('org_id', '=', scope.orgId)
		.where('tbl', '=', LOCAL_TABLE[entity])
		.where('deleted', '=', 0);
	if (entity === 'users') return local;
	return store.db
		.selectFrom('external_links')
		.select('local_id as id')
		.where('org_id', '=', scope.orgId)
		.where('provider', '=', scope.provider)
		.where('kind', '=', entity)
		.union(local);
}

/** The local ids of an entity type's records after `after`, at most `limit`, in order. */
export async function entityTargets(
	store: Store,
	scope: Scope,
	entity: ReindexEntity,
	after: string | null,
	limit: number
): Promise<string[]> {
	if (entity === 'ticketCharges') {
		const ids = await chargeIds(store, scope);
		return ids.filter((id) => after === null || id > after).slice(0, limit);
	}
	let query = store.db.selectFrom(targetIds(store, scope, entity).as('t')).select('t.id');
	if (after !== null) query = query.where('t.id', '>', after);
	return (await query.orderBy('t.id').limit(limit).execute()).map((r) => r.id);
}

export async function countEntityTargets(store: Store, scope: Scope, entity: ReindexEntity): Promise<number> {
	if (entity === 'ticketCharges') return (await chargeIds(store, scope)).length;
	const row = await store.db
		.selectFrom(targetIds(store, scope, entity).as('t'))
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** One record and, for a quote, what its sync links on the way: in the order the sync links them. */
export async function recordTargets(
	store: Store,
	orgId: string,
	table: ReindexableRecordTable,
	id: string
): Promise<Target[]> {
	if (table !== 'quotes') return [{ kind: table, localId: id }];
	const quote = await readEntity(store.db, orgId, 'quotes', id);
	if (!quote) return [];
	return [
		{ kind: 'companies', localId: quote.companyId },
		...(quote.contactId ? [{ kind: 'contacts' as const, localId: quote.contactId }] : []),
		{ kind: 'opportunities', localId: id },
		{ kind: 'quotes', localId: id }
	];
}
