// Test-only: changes a replicated row in place, as if an admin's mutation had already run, without
// going through a push (so the space version does not move).

import type { RowOf, TableName } from '../../shared/schema/tables.ts';
import type { Store } from '../store/store.ts';

export async function patchEntity<T extends TableName>(
	store: Store,
	table: T,
	id: string,
	patch: Partial<RowOf<T>>
): Promise<void> {
	const row = await store.db
		.selectFrom('entities')
		.select('value')
		.where('tbl', '=', table)
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	await store.db
		.updateTable('entities')
		.set({ value: JSON.stringify({ ...JSON.parse(row.value), ...patch }) })
		.where('tbl', '=', table)
		.where('id', '=', id)
		.execute();
}
