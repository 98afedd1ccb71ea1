// The local query behind the procurement screen: ticket charges and the products and companies
// they link to, read from this device and handed to queueRows().

import type { LocalDb } from '../platform/local-db.ts';
import { queueRows, type QueueRow } from './procurement-queue.ts';

export async function loadProcurementQueue(db: LocalDb): Promise<QueueRow[]> {
	const charges = await db.ticketCharges.toArray();
	const ids = (key: 'productId' | 'companyId') => [
		...new Set(
			charges.flatMap((c) => {
				const id = c[key];
				return id === null ? [] : [id];
			})
		)
	];
	const [products, companies] = await Promise.all([
		db.products.bulkGet(ids('productId')),
		db.companies.bulkGet(ids('companyId'))
	]);
	const present = <T>(rows: (T | undefined)[]) => rows.filter((r): r is T => r !== undefined);
	return queueRows(charges, present(products), present(companies));
}
