import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../test/stores.ts';
import { prepared } from './prepared-statements.ts';

describe.each(STORE_KINDS)('prepared statements on $name', (kind) => {
	it('a marked statement answers as the same statement unmarked', async () => {
		const { store, close } = await kind.open();
		try {
			await store.db.insertInto('orgs').values({ id: 'org-p', name: 'P', version: 7, next_quote_number: 1 }).execute();
			const read = (id: string) =>
				sql<{ version: number }>`${prepared('test-org-version')}SELECT version FROM orgs WHERE id = ${id}`.execute(
					store.db
				);
			expect((await read('org-p')).rows).toEqual([{ version: 7 }]);
			expect((await read('org-p')).rows).toEqual([{ version: 7 }]);
			expect((await read('org-none')).rows).toEqual([]);
		} finally {
			await close();
		}
	});
});

describe.runIf(STORE_KINDS.some((k) => k.name === 'postgres'))('prepared statements on Postgres', () => {
	it('are kept by name on the connection that ran them', async () => {
		const { store, close } = await STORE_KINDS.find((k) => k.name === 'postgres')!.open();
		try {
			const names = await store.write(async (trx) => {
				await sql`${prepared('test-one')}SELECT 1 AS one`.execute(trx);
				await sql`SELECT 2 AS two`.execute(trx);
				const { rows } = await sql<{ name: string }>`SELECT name FROM pg_prepared_statements ORDER BY name`.execute(
					trx
				);
				return rows.map((r) => r.name);
			});
			expect(names).toEqual(['test-one']);
		} finally {
			await close();
		}
	});

	it('run straight on the pool answer their rows and are kept by name too', async () => {
		const { store, close } = await STORE_KINDS.find((k) => k.name === 'postgres')!.open();
		try {
			const read = (n: number) => {
				const { sql: text, parameters } = sql`${prepared('test-direct')}SELECT ${n}::int AS n`.compile(store.db);
				return store.postgres!<{ n: number }>(text, parameters);
			};
			expect(await read(5)).toEqual([{ n: 5 }]);
			expect(await read(6)).toEqual([{ n: 6 }]);
			// One query at a time: the pool hands out the connection the last one gave back.
			const names = await store.postgres!<{ name: string }>('SELECT name FROM pg_prepared_statements', []);
			expect(names).toEqual([{ name: 'test-direct' }]);
		} finally {
			await close();
		}
	});

	it('a statement run straight on the pool fails as it would through Kysely', async () => {
		const { store, close } = await STORE_KINDS.find((k) => k.name === 'postgres')!.open();
		try {
			await expect(store.postgres!('SELECT * FROM no_such_table', [])).rejects.toMatchObject({ code: '42P01' });
			expect(await store.postgres!<{ one: number }>('SELECT 1 AS one', [])).toEqual([{ one: 1 }]);
		} finally {
			await close();
		}
	});

	it('refuses a name that could not be told from the statement text', () => {
		expect(() => prepared('one */ DROP')).toThrow('lowercase words');
	});
});
