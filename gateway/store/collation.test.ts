// Row keys must sort by code unit even on a Postgres database created with a language locale,
// as managed services do by default; otherwise pull cursors and byIndex order disagree with the client.

import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { buildQuoteLine } from '../../shared/test/builders.ts';
import { createSqlTx } from '../sync/sql-tx.ts';
import { nextSpaceVersion } from '../sync/space-version.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { openStore } from './store.ts';

const ADMIN_URL = process.env.OUTPOST_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin(query: string) {
	const client = new pg.Client({ connectionString: ADMIN_URL });
	await client.connect();
	try {
		await client.query(query);
	} finally {
		await client.end();
	}
}

describe.runIf(STORE_KINDS.some((k) => k.name === 'postgres'))('Postgres with a language collation', () => {
	it('byIndex orders ids by code unit, as the client does', async () => {
		const name = `outpost_t_icu_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
		await admin(`CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en' LOCALE 'C.UTF-8'`);
		const url = new URL(ADMIN_URL);
		url.pathname = `/${name}`;
		const store = await openStore({ databaseUrl: url.toString() });
		try {
			const ids = ['line_a', 'line-a10', 'line-a2', 'line-b', 'Line-c', 'lineA'];
			const ordered = await store.write(async (trx) => {
				await trx.insertInto('orgs').values({ id: 'org-x', name: 'X', version: 0, next_quote_number: 1 }).execute();
				const tx = createSqlTx(trx, 'org-x', await nextSpaceVersion(trx, 'org-x'));
				for (const id of ids) await tx.put('quoteLines', buildQuoteLine({ id, quoteId: 'q' }));
				return (await tx.byIndex('quoteLines', 'quoteId', 'q')).map((l) => l.id);
			});
			expect(ordered).toEqual([...ids].sort());
		} finally {
			await store.close();
			await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		}
	});
});
