import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from './store.ts';

describe('SQLite WAL checkpoints', () => {
	let dir: string;
	let store: Store | null = null;
	afterEach(async () => {
		await store?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('copies committed writes back into the database file with no commit doing it', async () => {
		dir = mkdtempSync(join(tmpdir(), 'outpost-checkpoints-'));
		const path = join(dir, 'outpost.sqlite');
		store = await openStore({ sqlitePath: path });
		const sizeBefore = statSync(path).size;
		const value = 'x'.repeat(4_000);
		// About 250 pages, far below BACKSTOP_PAGES: only the worker can have moved them.
		await store.write(async (trx) => {
			await trx
				.insertInto('orgs')
				.values({ id: 'org-cp', name: 'Checkpoints', version: 0, next_quote_number: 1 })
				.execute();
			for (let k = 0; k < 250; k++) {
				await trx
					.insertInto('entities')
					.values({
						org_id: 'org-cp',
						tbl: 'notes',
						id: `n-${k}`,
						version: 1,
						deleted: 0,
						scope: null,
						parent: null,
						value
					})
					.execute();
			}
		});
		await vi.waitFor(() => expect(statSync(path).size).toBeGreaterThan(sizeBefore + 250 * 4_000), {
			timeout: 10_000,
			interval: 50
		});
	});
});
