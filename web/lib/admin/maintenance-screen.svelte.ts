// Admin › Tools › Maintenance: for each connected PSA, every entity type with its last re-index
// followed live, and a Re-index control per type (a mutation: it waits offline and runs on reconnect);
// and the rebuild of this device's copy of one table.

import type { Provider } from '../../../shared/psa/providers.ts';
import { REINDEX_ENTITIES, reindexRunId, type ReindexEntity } from '../../../shared/psa/reindex.ts';
import type { Integration, ReindexRun } from '../../../shared/schema/psa-entities.ts';
import type { TableName } from '../../../shared/schema/tables.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { live } from '../sync/live.svelte.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { MutationFeedback } from './mutation-feedback.svelte.ts';

type MaintenanceData = { integrations: Integration[]; runs: ReindexRun[] };
const EMPTY: MaintenanceData = { integrations: [], runs: [] };

async function loadMaintenance(db: LocalDb): Promise<MaintenanceData> {
	return db.transaction('r', [db.integrations, db.reindexRuns], async () => ({
		integrations: await db.integrations.toArray(),
		runs: await db.reindexRuns.toArray()
	}));
}

export class MaintenanceScreen {
	readonly feedback: MutationFeedback<string>;
	/** The PSAs with saved credentials, in a fixed order. */
	readonly providers: Provider[];
	rebuilding = $state<TableName | null>(null);
	rebuilt = $state<TableName | null>(null);
	readonly #data;
	readonly #replica: () => Replica | null;

	constructor(replica: () => Replica | null) {
		this.#replica = replica;
		this.feedback = new MutationFeedback(replica);
		this.#data = live(EMPTY, () => {
			const db = replica()?.db;
			return db ? () => loadMaintenance(db) : null;
		});
		this.providers = $derived(
			this.#data.current.integrations
				.filter((i) => i.configured)
				.map((i) => i.id)
				.sort()
		);
	}

	get loaded(): boolean {
		return this.#data.loaded;
	}

	readonly entities = REINDEX_ENTITIES;

	run(provider: Provider, entity: ReindexEntity): ReindexRun | undefined {
		return this.#data.current.runs.find((r) => r.id === reindexRunId(provider, entity));
	}

	reindex(provider: Provider, entity: ReindexEntity): Promise<boolean> {
		return this.feedback.run(reindexRunId(provider, entity), 'reindexEntities', { provider, entity });
	}

	async rebuild(table: TableName): Promise<void> {
		const replica = this.#replica();
		if (!replica) {
			this.feedback.fail('rebuild', 'Outpost is still opening this device’s data. Try again in a moment.');
			return;
		}
		this.rebuilding = table;
		this.rebuilt = null;
		try {
			await replica.rebuildTable(table);
			this.feedback.clear('rebuild');
			this.rebuilt = table;
		} finally {
			this.rebuilding = null;
		}
	}
}
