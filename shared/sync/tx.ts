// The small transaction interface that mutations are written against. Dexie implements it on the
// client (optimistically) and the SQL store on the gateway (authoritatively); one contract suite checks both.

import type { IndexOf, RowOf, TableName } from '../schema/tables.ts';

/** The fields of a table's rows that hold text (an order key, a name). */
export type TextFieldOf<T extends TableName> = {
	[K in keyof RowOf<T>]-?: RowOf<T>[K] extends string ? K : never;
}[keyof RowOf<T>] &
	string;

export interface Tx {
	get<T extends TableName>(table: T, id: string): Promise<RowOf<T> | undefined>;
	put<T extends TableName>(table: T, row: RowOf<T>): Promise<void>;
	delete(table: TableName, id: string): Promise<void>;
	/** Every row of `table` whose indexed field equals `value`, in id order. */
	byIndex<T extends TableName>(table: T, field: IndexOf<T>, value: string): Promise<RowOf<T>[]>;
	/**
	 * The greatest `key` (in code-unit order) among the rows byIndex would answer, null when there are
	 * none: placing a row last needs no copy of every row beside it.
	 */
	greatestByIndex<T extends TableName>(
		table: T,
		field: IndexOf<T>,
		value: string,
		key: TextFieldOf<T>
	): Promise<string | null>;
	/** Every row of a small table (roles, users), in id order. */
	all<T extends TableName>(table: T): Promise<RowOf<T>[]>;
}
