// The greatest text value of one field among rows: what Tx.greatestByIndex answers over rows it has
// listed already (Tx implementations without an index ordered by that field).

/** The greatest `key` in code-unit order among `rows`, null when none has one. */
export function greatestKey(rows: Iterable<unknown>, key: string): string | null {
	let greatest: string | null = null;
	for (const row of rows) {
		const value = (row as Record<string, unknown>)[key];
		if (typeof value === 'string' && (greatest === null || value > greatest)) greatest = value;
	}
	return greatest;
}
