import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCompany } from '../../../shared/test/builders.ts';
import { buildProduct } from '../catalog/test-products.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { loadProcurementQueue } from './load-procurement-queue.ts';
import { buildTicketCharge } from './test-charges.ts';

let db: LocalDb;
beforeEach(() => (db = openTestDb()));
afterEach(() => destroyTestDb(db));

describe('loadProcurementQueue', () => {
	it('is empty on an empty device', async () => {
		expect(await loadProcurementQueue(db)).toEqual([]);
	});

	it('reads the charges newest first with the names of what is on this device', async () => {
		await db.products.add(buildProduct({ id: 'dock', name: 'Dell WD19 dock' }));
		await db.companies.add(buildCompany({ id: 'acme', name: 'Acme Corporation' }));
		await db.ticketCharges.bulkAdd([
			buildTicketCharge({ id: 'old', productId: 'missing', createdAt: 1 }),
			buildTicketCharge({ id: 'new', productId: 'dock', companyId: 'acme', createdAt: 2 })
		]);
		const rows = await loadProcurementQueue(db);
		expect(rows.map((r) => [r.id, r.productName, r.companyName])).toEqual([
			['new', 'Dell WD19 dock', 'Acme Corporation'],
			['old', undefined, null]
		]);
	});
});
