// The SyncContext a job runs with: reads of the organisation's rows and its PSA links straight from
// the store, links committed as soon as they are set, and writes that replicate.

import type { Provider } from '../../shared/psa/providers.ts';
import type { ExternalLinks, FetchLike, OutpostReader, SyncContext } from '../psa/provider.ts';
import { readEntities, readEntity } from '../store/entity-reader.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import { createSqlTx } from '../sync/sql-tx.ts';
import type { ReplicatedWriter } from './replicated-write.ts';

export function storeReader(store: Store, orgId: string): OutpostReader {
	return {
		get: (table, id) => readEntity(store.db, orgId, table, id),
		byIndex: (table, field, value) => store.snapshot((trx) => createSqlTx(trx, orgId, 0).byIndex(table, field, value)),
		all: (table) => readEntities(store.db, orgId, table)
	};
}

export function storeLinks(store: Store, orgId: string, provider: string): ExternalLinks {
	return linksOn(store.db, orgId, provider);
}

/** The links over a database handle: the store, or a transaction that commits them with other writes. */
export function linksOn(db: Kysely<Database> | Transaction<Database>, orgId: string, provider: string): ExternalLinks {
	const store = { db };
	const scoped = () =>
		store.db.selectFrom('external_links').where('org_id', '=', orgId).where('provider', '=', provider);
	return {
		async get(kind, localId) {
			const row = await scoped()
				.select('external_id')
				.where('kind', '=', kind)
				.where('local_id', '=', localId)
				.executeTakeFirst();
			return row?.external_id ?? null;
		},
		async set(kind, localId, externalId) {
			await store.db
				.insertInto('external_links')
				.values({ org_id: orgId, provider, kind, local_id: localId, external_id: externalId })
				.onConflict((oc) =>
					oc.columns(['org_id', 'provider', 'kind', 'local_id']).doUpdateSet({ external_id: externalId })
				)
				.execute();
		},
		async clear(kind, localId) {
			await store.db
				.deleteFrom('external_links')
				.where('org_id', '=', orgId)
				.where('provider', '=', provider)
				.where('kind', '=', kind)
				.where('local_id', '=', localId)
				.execute();
		},
		async localOf(kind, externalId) {
			const row = await scoped()
				.select('local_id')
				.where('kind', '=', kind)
				.where('external_id', '=', externalId)
				.executeTakeFirst();
			return row?.local_id ?? null;
		}
	};
}

export type StoreSyncContextDeps = {
	store: Store;
	write: ReplicatedWriter;
	orgId: string;
	provider: Provider;
	now(): number;
	resumed: boolean;
	credentials: unknown;
	settings: Record<string, unknown>;
	lookups: SyncContext['lookups'];
	fetch: FetchLike;
};

export function storeSyncContext(deps: StoreSyncContextDeps): SyncContext {
	return {
		orgId: deps.orgId,
		now: deps.now,
		resumed: deps.resumed,
		data: storeReader(deps.store, deps.orgId),
		links: storeLinks(deps.store, deps.orgId, deps.provider),
		credentials: deps.credentials,
		settings: deps.settings,
		lookups: deps.lookups,
		fetch: deps.fetch,
		write: (fn) => deps.write(deps.orgId, (tx) => fn(tx)),
		progress: () => {}
	};
}
