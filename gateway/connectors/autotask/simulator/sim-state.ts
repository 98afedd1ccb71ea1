// The simulated Autotask database: records per entity with deterministic ids (one counter for the
// whole database, as Autotask ids are unique across entities), and the tenant's picklists.

import type { SimEntityName } from './catalog.ts';
import { defaultPicklists, type SimPicklistValue } from './default-picklists.ts';
import type { UdfDefinition } from './user-defined-fields.ts';

export type SimRecord = { id: number; [field: string]: unknown };

export type SimState = {
	/** Stores a copy; assigns the next id unless the record brings its own. */
	insert(entity: SimEntityName, fields: Record<string, unknown>): SimRecord;
	get(entity: SimEntityName, id: number): SimRecord | undefined;
	/** Every record of an entity, by ascending id (the order queries page in). */
	list(entity: SimEntityName): SimRecord[];
	put(entity: SimEntityName, record: SimRecord): void;
	delete(entity: SimEntityName, id: number): boolean;
	picklists(entity: SimEntityName): Record<string, SimPicklistValue[]>;
	setPicklist(entity: SimEntityName, field: string, values: SimPicklistValue[]): void;
	/** The tenant's user-defined fields of an entity, in display order (none on a fresh tenant). */
	udfs(entity: SimEntityName): UdfDefinition[];
	setUdfs(entity: SimEntityName, definitions: UdfDefinition[]): void;
};

export function createSimState(firstId: number): SimState {
	const tables = new Map<SimEntityName, Map<number, SimRecord>>();
	const picklists = defaultPicklists();
	const udfs = new Map<SimEntityName, UdfDefinition[]>();
	let nextId = firstId;
	const table = (entity: SimEntityName) => {
		let rows = tables.get(entity);
		if (!rows) tables.set(entity, (rows = new Map()));
		return rows;
	};
	return {
		insert(entity, fields) {
			const given = fields.id;
			const id = typeof given === 'number' && Number.isInteger(given) ? given : nextId;
			nextId = Math.max(nextId, id + 1);
			const record: SimRecord = structuredClone({ ...fields, id });
			table(entity).set(id, record);
			return structuredClone(record);
		},
		get(entity, id) {
			const record = table(entity).get(id);
			return record && structuredClone(record);
		},
		list(entity) {
			return [...table(entity).values()].sort((a, b) => a.id - b.id).map((r) => structuredClone(r));
		},
		put(entity, record) {
			table(entity).set(record.id, structuredClone(record));
		},
		delete(entity, id) {
			return table(entity).delete(id);
		},
		picklists(entity) {
			return picklists[entity] ?? {};
		},
		setPicklist(entity, field, values) {
			picklists[entity] = { ...picklists[entity], [field]: values };
		},
		udfs: (entity) => structuredClone(udfs.get(entity) ?? []),
		setUdfs(entity, definitions) {
			udfs.set(entity, structuredClone(definitions));
		}
	};
}
