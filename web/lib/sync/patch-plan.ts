// Turns a pull's patch into the writes it amounts to: whether it starts by clearing, and per table
// the rows to put and the ids to delete, each (table, id) settled by its last operation. Writing
// per table in bulk is what makes an initial sync run at IndexedDB speed. Pure.

import { isTableName, TABLES, type TableName } from '../../../shared/schema/tables.ts';
import type { PatchOp } from '../../../shared/sync/protocol.ts';

export type PatchPlan = {
	clear: boolean;
	puts: Map<TableName, { id: string }[]>;
	deletes: Map<TableName, string[]>;
	/** Rows the server sent that this client cannot read (a newer schema): skipped, and reported. */
	invalid: { table: string; id: string; problem: string }[];
};

export function planPatch(patch: readonly PatchOp[]): PatchPlan {
	let clear = false;
	let last = new Map<string, { table: TableName; id: string; row: { id: string } | null }>();
	const invalid: PatchPlan['invalid'] = [];
	for (const op of patch) {
		if (op.op === 'clear') {
			clear = true;
			last = new Map();
			continue;
		}
		// A table this client does not know (a newer gateway) is skipped, not fatal.
		if (!isTableName(op.table)) continue;
		const key = `${op.table}\u0000${op.id}`;
		if (op.op === 'del') {
			last.set(key, { table: op.table, id: op.id, row: null });
			continue;
		}
		const parsed = TABLES[op.table].schema.safeParse(op.value);
		if (!parsed.success) {
			invalid.push({
				table: op.table,
				id: op.id,
				problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
			});
			continue;
		}
		last.set(key, { table: op.table, id: op.id, row: parsed.data as { id: string } });
	}
	const puts = new Map<TableName, { id: string }[]>();
	const deletes = new Map<TableName, string[]>();
	for (const { table, id, row } of last.values()) {
		if (row) listIn(puts, table).push(row);
		else listIn(deletes, table).push(id);
	}
	return { clear, puts, deletes, invalid };
}

export function warnInvalid(plan: PatchPlan): void {
	for (const skipped of plan.invalid)
		console.warn(`Skipped an invalid ${skipped.table} row ${skipped.id} from the server: ${skipped.problem}`);
}

function listIn<T>(lists: Map<TableName, T[]>, table: TableName): T[] {
	let list = lists.get(table);
	if (!list) lists.set(table, (list = []));
	return list;
}
