// A store that fails under a push must not cost the client its mutation: the push answers 503,
// lastMutationID does not move, and the same push succeeds once the store is back.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/store.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';

describe.each(STORE_KINDS)('push when the store fails, on $name', (kind) => {
	let opened: TestStore;
	let gateway: Gateway;
	let failWrites = 0;

	beforeEach(async () => {
		opened = await kind.open();
		const flaky: Store = {
			...opened.store,
			write: (fn) => {
				if (failWrites > 0) {
					failWrites -= 1;
					return Promise.reject(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
				}
				return opened.store.write(fn);
			}
		};
		gateway = await startGateway(kind, { store: flaky });
	});
	afterEach(async () => {
		await gateway.close();
		await opened.close();
	});

	const push = {
		clientGroupID: 'g-flaky',
		clientID: 'c-flaky',
		mutations: [
			{ id: 1, name: 'createQuote', args: { id: 'q-flaky', companyId: 'company-acme', title: 'Kept' }, timestamp: 1 }
		]
	};

	it('answers 503 without consuming the mutation, then applies it on the retry', async () => {
		const sales = await gateway.login('sales@demo.outpost.test');
		await sales.post('/api/sync/push', { ...push, mutations: [] });
		failWrites = 1;
		const failed = await sales.post('/api/sync/push', push);
		expect(failed.status).toBe(503);
		expect(failed.body.error.code).toBe('temporarily_unavailable');
		const client = await opened.store.db
			.selectFrom('clients')
			.select('last_mutation_id')
			.where('id', '=', 'c-flaky')
			.executeTakeFirstOrThrow();
		expect(client.last_mutation_id).toBe(0);

		const retried = await sales.post('/api/sync/push', push);
		expect(retried.status).toBe(200);
		expect(retried.body.results).toEqual([{ id: 1, status: 'applied' }]);
	});

	it('a push from a client group of another user is refused with 403, not a server error', async () => {
		const sales = await gateway.login('sales@demo.outpost.test');
		const buyer = await gateway.login('buyer@demo.outpost.test');
		expect((await sales.post('/api/sync/push', push)).status).toBe(200);
		const stolen = await buyer.post('/api/sync/push', { ...push, mutations: [] });
		expect(stolen.status).toBe(403);
		expect(stolen.body.error.code).toBe('client_not_owned');
	});
});
