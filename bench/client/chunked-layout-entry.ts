// The storage layout the 50k initial sync may need, measured beside the per-row one: the same rows,
// already in memory, put into IndexedDB as one record per quote (the quote and its lines together)
// instead of one record per row. Replicache's persist() writes chunks too; this shows what such a
// layout costs before the replica is moved to one (issue 15: measured side by side first).

import type { Quote, QuoteLine } from '../../shared/schema/entities.ts';

type BenchRow = { table: 'quotes' | 'quoteLines'; value: Quote | QuoteLine };
type QuoteRecord = { id: string; quote: Quote | null; lines: QuoteLine[] };

function openChunkedDb(name: string): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open(name, 1);
		open.onupgradeneeded = () => open.result.createObjectStore('quoteRecords', { keyPath: 'id' });
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error);
	});
}

function groupByQuote(rows: BenchRow[]): QuoteRecord[] {
	const records = new Map<string, QuoteRecord>();
	const recordOf = (id: string) => {
		let record = records.get(id);
		if (!record) records.set(id, (record = { id, quote: null, lines: [] }));
		return record;
	};
	for (const row of rows) {
		if (row.table === 'quotes') recordOf(row.value.id).quote = row.value as Quote;
		else recordOf((row.value as QuoteLine).quoteId).lines.push(row.value as QuoteLine);
	}
	return [...records.values()];
}

/** Groups and puts the rows in one transaction; the grouping is timed too, as a replica would pay it. */
export async function chunkedInitialPut(rows: BenchRow[], name: string): Promise<{ ms: number; records: number }> {
	const t0 = performance.now();
	const db = await openChunkedDb(name);
	const records = groupByQuote(rows);
	const tx = db.transaction('quoteRecords', 'readwrite');
	const store = tx.objectStore('quoteRecords');
	for (const record of records) store.put(record);
	await new Promise<void>((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error ?? new Error('aborted'));
	});
	const ms = performance.now() - t0;
	db.close();
	const lines = records.reduce((n, r) => n + r.lines.length, 0);
	if (lines !== rows.filter((r) => r.table === 'quoteLines').length) throw new Error('Lines went missing.');
	return { ms, records: records.length };
}
