// An offline backlog larger than one push may do (PUSH_LIMITS.workBytes) drains with the client's
// real sync code: the gateway keeps what it did and asks for the rest, which comes at once.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../gateway/test/http-harness.ts';
import { STORE_KINDS } from '../gateway/test/stores.ts';
import type { Product } from '../shared/schema/catalog-entities.ts';
import { openDevice, type Device } from './sync-client-harness.ts';

/** About 600 KB of arguments: two of these are more than one push does. */
function importChunk(chunk: number): Product[] {
	return Array.from({ length: 250 }, (_, k) => ({
		id: `p-budget-${chunk}-${k}`,
		name: `Budget product ${chunk}.${k}`,
		sku: `BUDGET-${chunk}-${k}`,
		mpn: '',
		description: 'd'.repeat(2_200),
		categoryId: null,
		cost: 100,
		price: 200,
		billing: 'one-time',
		distributor: null,
		noProcurement: false,
		active: true
	}));
}

describe.each(STORE_KINDS)('a backlog over one push’s work on $name', (kind) => {
	let gateway: Gateway;
	let device: Device | undefined;

	beforeEach(async () => {
		gateway = await startGateway(kind);
	});
	afterEach(async () => {
		await device?.close();
		await gateway.close();
	});

	it('drains in one sync, with no poke or timer needed', async () => {
		device = await openDevice(gateway, 'catalog@demo.outpost.test');
		await device.settle();
		for (const chunk of [1, 2, 3]) await device.mutate('importProducts', { products: importChunk(chunk) });
		await device.settle();
		expect(device.sync.state).toBe('connected');
		expect(await device.db.outbox.count()).toBe(0);
		const stored = await gateway.store.db
			.selectFrom('entities')
			.select(({ fn }) => fn.countAll<number>().as('n'))
			.where('tbl', '=', 'products')
			.where('id', 'like', 'p-budget-%')
			.executeTakeFirstOrThrow();
		expect(Number(stored.n)).toBe(750);
	}, 60_000);
});
