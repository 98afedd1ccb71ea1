// Which Outpost records a re-index visits, in a fixed order so a checkpoint can say where it stopped:
// for an entity type, every record linked to this PSA (the mapping to rebuild), by local id; for one
// record, that record and the records its sync goes through (a quote: company, contact, opportunity, quote).

import type { Provider } from '../../../shared/psa/providers.ts';
import type { ReindexableRecordTable, ReindexEntity } from '../../../shared/psa/reindex.ts';
import { readEntities, readEntity } from '../../store/entity-reader.ts';
import type { Store } from '../../store/store.ts';

export type Target = { kind: ReindexEntity; localId: string };

type Scope = { orgId: string; provider: Provider };

/** Ticket charges and users hold their PSA id on the row; the other kinds in external_links. */
async function rowHeldIds(store: Store, scope: Scope, entity: 'ticketCharges' | 'users'): Promise<string[]> {
	if (entity === 'ticketCharges') {
		const charges = await readEntities(store.db, scope.orgId, 'ticketCharges');
		return charges.filter((c) => c.provider === scope.provider).map((c) => c.id);
	}
	const users = await readEntities(store.db, scope.orgId, 'users');
	return users.filter((u) => u.externalIds[scope.provider] !== undefined).map((u) => u.id);
}

/** The local ids of an entity type's linked records after `after`, at most `limit`, in order. */
export async function entityTargets(
	store: Store,
	scope: Scope,
	entity: ReindexEntity,
	after: string | null,
	limit: number
): Promise<string[]> {
	if (entity === 'ticketCharges' || entity === 'users') {
		const ids = await rowHeldIds(store, scope, entity);
		return ids.filter((id) => after === null || id > after).slice(0, limit);
	}
	let query = store.db
		.selectFrom('external_links')
		.select('local_id')
		.where('org_id', '=', scope.orgId)
		.where('provider', '=', scope.provider)
		.where('kind', '=', entity);
	if (after !== null) query = query.where('local_id', '>', after);
	const rows = await query.orderBy('local_id').limit(limit).execute();
	return rows.map((r) => r.local_id);
}

export async function countEntityTargets(store: Store, scope: Scope, entity: ReindexEntity): Promise<number> {
	if (entity === 'ticketCharges' || entity === 'users') return (await rowHeldIds(store, scope, entity)).length;
	const row = await store.db
		.selectFrom('external_links')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('org_id', '=', scope.orgId)
		.where('provider', '=', scope.provider)
		.where('kind', '=', entity)
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
