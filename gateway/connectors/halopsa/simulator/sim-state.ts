// The simulated HaloPSA database: records per entity, each table with its own id counter as Halo's
// tables have, plus the counter quotation lines take their ids from.

import type { SimEntityName } from './catalog.ts';

export type SimRecord = { id: number; [field: string]: unknown };

export type SimState = {
	/** Stores a copy; assigns the table's next id unless the record brings its own. */
	insert(entity: SimEntityName, fields: Record<string, unknown>): SimRecord;
	get(entity: SimEntityName, id: number): SimRecord | undefined;
	/** Every record of an entity, by ascending id. */
	list(entity: SimEntityName): SimRecord[];
	put(entity: SimEntityName, record: SimRecord): void;
	delete(entity: SimEntityName, id: number): boolean;
	nextLineId(): number;
};

export function createSimState(firstId: number): SimState {
	const tables = new Map<SimEntityName, Map<number, SimRecord>>();
	const counters = new Map<string, number>();
	const table = (entity: SimEntityName) => {
		let rows = tables.get(entity);
		if (!rows) tables.set(entity, (rows = new Map()));
		return rows;
	};
	const next = (key: string, given?: unknown) => {
		const current = counters.get(key) ?? firstId;
		const id = typeof given === 'number' && Number.isInteger(given) ? given : current;
		counters.set(key, Math.max(current, id + 1));
		return id;
	};
	return {
		insert(entity, fields) {
			const record: SimRecord = structuredClone({ ...fields, id: next(entity, fields.id) });
			table(entity).set(record.id, record);
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
		nextLineId: () => next('QuotationDetail')
	};
}
