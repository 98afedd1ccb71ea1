// The raw IndexedDB references of a local write (`updateQuoteLine`), shared by the bench's rows
// (entry.ts) and the profile script's block mode (writeBlocks below).

import { runLocalMutation } from '../../web/lib/sync/local-mutation.ts';
import type { Principal } from '../../shared/auth/permissions.ts';
import type { Quote, QuoteLine } from '../../shared/schema/entities.ts';
import type { LocalDb } from '../../web/lib/platform/local-db.ts';

export function answer<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

export function committed(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error ?? new Error('aborted'));
	});
}

const outboxEntry = (id: string, quantity: number, outboxId: number | undefined) => ({
	...(outboxId === undefined ? {} : { id: outboxId }),
	name: 'updateQuoteLine',
	args: { id, quantity },
	timestamp: Date.now()
});

/** The DESIGN reference: put the line, put its quote, add the outbox entry, in one transaction. */
export async function rawPuts(db: IDBDatabase, line: QuoteLine, quote: Quote, quantity: number, outboxId: number) {
	const tx = db.transaction(['quoteLines', 'quotes', 'outbox'], 'readwrite');
	tx.objectStore('quoteLines').put({ ...line, quantity });
	tx.objectStore('quotes').put({ ...quote, updatedAt: Date.now() });
	tx.objectStore('outbox').add(outboxEntry(line.id, quantity, outboxId));
	await committed(tx);
}

/**
 * The same puts after reading the line, then its quote (whose id the line holds). With `asOurs`, the
 * outbox entry also holds both rows as they were: what ours asks of IndexedDB for this mutation, over
 * the stores `updateQuoteLine` declares.
 * `outboxId` is left out on a database whose outbox numbers its own entries (the replica's).
 */
export async function rawReadsAndPuts(
	db: IDBDatabase,
	id: string,
	quantity: number,
	outboxId: number | undefined,
	options: { asOurs: boolean; quoteId?: string }
) {
	const tx = db.transaction(['quoteLines', 'quotes', 'outbox'], 'readwrite');
	const lineRead = answer(tx.objectStore('quoteLines').get(id));
	// Given the quote's id, both gets are asked for together.
	const quoteRead = options.quoteId === undefined ? null : answer(tx.objectStore('quotes').get(options.quoteId));
	const line = (await lineRead) as QuoteLine;
	const quote = (await (quoteRead ?? answer(tx.objectStore('quotes').get(line.quoteId)))) as Quote;
	tx.objectStore('quoteLines').put({ ...line, quantity });
	tx.objectStore('quotes').put({ ...quote, updatedAt: Date.now() });
	const before = [
		{ table: 'quoteLines', id, value: line },
		{ table: 'quotes', id: quote.id, value: quote }
	];
	tx.objectStore('outbox').add({ ...outboxEntry(id, quantity, outboxId), ...(options.asOurs ? { before } : {}) });
	await committed(tx);
}

/**
 * The profile script's block mode: `rounds` rounds, each `n` writes of ours back to back (told the
 * line's quote, as the editor does, and not told), then `n` of the same requests made by hand on the
 * replica's own database (its stores, indexes and rows; reading the line then its quote, and both
 * together), then `n` raw puts on the raw database, in alternating order. Each figure is one block's mean per
 * write, so the timer's coarse grain and the order within a round (who pays for what the last
 * round left behind) weigh less than in the interleaved rows.
 */
export async function writeBlocks(
	replica: LocalDb,
	principal: Principal,
	raw: IDBDatabase,
	rows: { lines: Map<string, QuoteLine>; quotes: Map<string, Quote> },
	lineIds: string[],
	n: number,
	rounds: number
) {
	let outboxId = 2 ** 40;
	const quoteOf = (id: string) => rows.lines.get(id)!.quoteId;
	const writes: Record<string, (id: string, quantity: number) => Promise<unknown>> = {
		ours: (id, quantity) =>
			runLocalMutation(replica, principal, 'updateQuoteLine', { id, quantity }, Date.now(), {
				readAhead: [['quotes', quoteOf(id)]]
			}),
		oursNoHint: (id, quantity) => runLocalMutation(replica, principal, 'updateQuoteLine', { id, quantity }, Date.now()),
		sameRequests: (id, quantity) => rawReadsAndPuts(replica.backendDB(), id, quantity, undefined, { asOurs: true }),
		sameTogether: (id, quantity) =>
			rawReadsAndPuts(replica.backendDB(), id, quantity, undefined, { asOurs: true, quoteId: quoteOf(id) }),
		raw: (id, quantity) => {
			const line = rows.lines.get(id)!;
			return rawPuts(raw, line, rows.quotes.get(line.quoteId)!, quantity, ++outboxId);
		}
	};
	const blocks: Record<string, number[]> = Object.fromEntries(Object.keys(writes).map((name) => [name, []]));
	for (let round = 0; round < rounds; round++) {
		const order = Object.keys(writes);
		for (const name of round % 2 ? order.reverse() : order) {
			const t0 = performance.now();
			for (let k = 0; k < n; k++) await writes[name]!(lineIds[(k * 7 + round) % lineIds.length]!, (k % 50) + 1);
			blocks[name]!.push((performance.now() - t0) / n);
		}
	}
	return blocks;
}
