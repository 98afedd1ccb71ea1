// What the commonest request costs the store: a pull whose cookie is current. Counted at the store
// (statements sent to the database, transactions opened), since on Postgres each is a round trip.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { syncClient, uid } from '../test/wire-client.ts';

describe.each(STORE_KINDS)('the cost of a pull with a current cookie on $name', (kind) => {
	let opened: TestStore;
	let gw: Gateway;
	const counted = { statements: 0, transactions: 0 };

	beforeAll(async () => {
		// Counted at the driver, as each statement is sent: Kysely's and those run directly on either store.
		opened = await kind.open({ observe: () => void counted.statements++ });
		const { store } = opened;
		const { write, snapshot } = store;
		store.write = (fn) => (counted.transactions++, write(fn));
		store.snapshot = (fn) => (counted.transactions++, snapshot(fn));
		gw = await startGateway(kind, { store });
	});
	afterAll(async () => {
		await gw?.close();
		await opened?.close();
	});

	it('is one statement and no transaction once the client group is known', async () => {
		const sales = syncClient(await gw.login('sales@demo.outpost.test'));
		const { cookie } = (await sales.pullAll(null)).at(-1)!;
		await sales.pull(cookie);

		counted.statements = 0;
		counted.transactions = 0;
		const again = await sales.pull(cookie);

		expect(again.body.patch).toEqual([]);
		expect(counted).toEqual({ statements: 1, transactions: 0 });
	});

	it('is two statements and no transaction when something changed: the session and one read', async () => {
		const sales = syncClient(await gw.login('sales@demo.outpost.test'));
		const { cookie } = (await sales.pullAll(null)).at(-1)!;
		const id = uid('q');
		const pushed = await sales.push([sales.m('createQuote', { id, companyId: 'company-globex', title: id })]);
		expect(pushed.body.results).toEqual([{ id: 1, status: 'applied' }]);

		counted.statements = 0;
		counted.transactions = 0;
		const delta = await sales.pull(cookie);

		expect(delta.body.patch.map((op) => op.op === 'put' && op.id)).toContain(id);
		expect(counted).toEqual({ statements: 2, transactions: 0 });
	});
});
