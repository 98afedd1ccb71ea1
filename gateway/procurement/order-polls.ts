// Schedules the status poll of every distributor that holds open orders of an organisation: one
// pollPurchaseOrders job per organisation and distributor, at most every POLL_EVERY_MS, so following
// orders stays inside the distributor's rate budget however many orders are open.

import { DISTRIBUTORS } from '../../shared/schema/distributor-entities.ts';
import { TABLES } from '../../shared/schema/tables.ts';
import { createJobStore, enqueueJob } from '../jobs/job-store.ts';
import type { Store } from '../store/store.ts';
import { isFollowed } from './poll-orders.ts';

export const POLL_EVERY_MS = 5 * 60_000;

/** Enqueues every due order poll; answers how many. */
export async function enqueueDueOrderPolls(store: Store, now: number): Promise<number> {
	const jobs = createJobStore(store);
	const rows = await store.db
		.selectFrom('entities')
		.select(['org_id', 'value'])
		.where('tbl', '=', 'purchaseOrders')
		.where('deleted', '=', 0)
		.execute();
	const due = new Set<string>();
	for (const row of rows) {
		const order = TABLES.purchaseOrders.schema.safeParse(JSON.parse(row.value));
		if (!order.success) continue;
		for (const distributor of DISTRIBUTORS) {
			if (isFollowed(order.data, distributor)) due.add(`${row.org_id}\n${distributor}`);
		}
	}
	let enqueued = 0;
	for (const key of due) {
		const [orgId, distributor] = key.split('\n') as [string, string];
		const last = await jobs.lastFinished(orgId, distributor, 'pollPurchaseOrders');
		if (last !== null && last + POLL_EVERY_MS > now) continue;
		const queued = await enqueueJob(
			store.db,
			{ orgId, provider: distributor, kind: 'pollPurchaseOrders', entityId: distributor, runAt: now },
			now
		);
		if (queued.ok) enqueued++;
	}
	return enqueued;
}
