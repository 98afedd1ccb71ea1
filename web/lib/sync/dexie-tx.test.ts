import { describe, expect, it } from 'vitest';
import { runTxContract } from '../../../shared/sync/tx-contract.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { createDexieTx } from './dexie-tx.ts';
import { ENTITY_STORES } from '../platform/local-db.ts';

runTxContract('dexie', async () => {
	const db = openTestDb();
	return { tx: createDexieTx(db), close: () => destroyTestDb(db) };
});

describe('createDexieTx inside one transaction', () => {
	it('survives hundreds of reads answered from its cache before the next write', async () => {
		const { buildQuote } = await import('../../../shared/test/builders.ts');
		const db = openTestDb();
		try {
			await db.transaction('rw', [...ENTITY_STORES], async () => {
				const tx = createDexieTx(db);
				const quote = buildQuote({ id: 'q-cached' });
				await tx.put('quotes', quote);
				for (let k = 0; k < 300; k++) expect((await tx.get('quotes', 'q-cached'))?.id).toBe('q-cached');
				await tx.put('quotes', { ...quote, title: 'After many cached reads' });
			});
			expect((await db.quotes.get('q-cached'))?.title).toBe('After many cached reads');
		} finally {
			await destroyTestDb(db);
		}
	});
});
