// The simulated ConnectWise database: records per resource with their own id counters (ConnectWise
// ids are per table), copied in and out so callers never share a reference with the store.

import type { SimResourceName } from './resources.ts';

export type SimRecord = { id: number; [field: string]: unknown };

export type SimState = {
	/** Stores a copy; assigns the table's next id unless the record brings its own. */
	insert(resource: SimResourceName, fields: Record<string, unknown>): SimRecord;
	get(resource: SimResourceName, id: number): SimRecord | undefined;
	/** Every record, by ascending id (the order lists page in unless `orderBy` says otherwise). */
	list(resource: SimResourceName): SimRecord[];
	put(resource: SimResourceName, record: SimRecord): void;
	delete(resource: SimResourceName, id: number): boolean;
};

export function createSimState(firstId: number): SimState {
	const tables = new Map<SimResourceName, Map<number, SimRecord>>();
	const nextIds = new Map<SimResourceName, number>();
	const table = (resource: SimResourceName) => {
		let rows = tables.get(resource);
		if (!rows) tables.set(resource, (rows = new Map()));
		return rows;
	};
	return {
		insert(resource, fields) {
			const given = fields.id;
			const next = nextIds.get(resource) ?? firstId;
			const id = typeof given === 'number' && Number.isInteger(given) ? given : next;
			nextIds.set(resource, Math.max(next, id + 1));
			const record: SimRecord = structuredClone({ ...fields, id });
			table(resource).set(id, record);
			return structuredClone(record);
		},
		get(resource, id) {
			const record = table(resource).get(id);
			return record && structuredClone(record);
		},
		list(resource) {
			return [...table(resource).values()].sort((a, b) => a.id - b.id).map((r) => structuredClone(r));
		},
		put(resource, record) {
			table(resource).set(record.id, structuredClone(record));
		},
		delete(resource, id) {
			return table(resource).delete(id);
		}
	};
}
