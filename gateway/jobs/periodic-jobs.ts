// Work that runs on a schedule for every connected PSA: Synchronize (lookups and user linking), and,
// where an admin turned them on, the ticket-charge import and the opportunity poll. A periodic job is
// enqueued only once it is due, so it never holds the lock an admin's own Synchronize needs.

import type { Provider } from '../../shared/psa/providers.ts';
import type { Integration, JobKind } from '../../shared/schema/psa-entities.ts';
import { TABLES } from '../../shared/schema/tables.ts';
import type { Store } from '../store/store.ts';
import { createJobStore, enqueueJob } from './job-store.ts';

const MINUTE = 60_000;
export const PERIODS: Partial<Record<JobKind, number>> = {
	synchronize: 6 * 60 * MINUTE,
	importTicketCharges: 15 * MINUTE,
	pollOpportunities: 5 * MINUTE
};

/** Requests per hour the opportunity poll spends when nothing changed: one query per interval. */
export function pollRequestsPerHour(requestsPerPoll: number): number {
	return (60 * MINUTE * requestsPerPoll) / PERIODS.pollOpportunities!;
}

/** Requests per hour the ticket-charge import spends when nothing changed. */
export function importRequestsPerHour(requestsPerImport: number): number {
	return (60 * MINUTE * requestsPerImport) / PERIODS.importTicketCharges!;
}

export function periodicKinds(integration: Integration): JobKind[] {
	if (!integration.configured) return [];
	const kinds: JobKind[] = ['synchronize'];
	if (integration.settings.importTicketCharges) kinds.push('importTicketCharges');
	if (integration.settings.pollOpportunities) kinds.push('pollOpportunities');
	return kinds;
}

/** Enqueues every periodic job that is due; answers how many. */
export async function enqueueDuePeriodicJobs(store: Store, now: number): Promise<number> {
	const jobs = createJobStore(store);
	const rows = await store.db
		.selectFrom('entities')
		.select(['org_id', 'value'])
		.where('tbl', '=', 'integrations')
		.where('deleted', '=', 0)
		.execute();
	let enqueued = 0;
	for (const row of rows) {
		const integration = TABLES.integrations.schema.parse(JSON.parse(row.value));
		for (const kind of periodicKinds(integration)) {
			const last = await jobs.lastFinished(row.org_id, integration.id, kind);
			if (last !== null && last + PERIODS[kind]! > now) continue;
			const queued = await enqueueJob(
				store.db,
				{ orgId: row.org_id, provider: integration.id as Provider, kind, entityId: integration.id, runAt: now },
				now
			);
			if (queued.ok) enqueued++;
		}
	}
	return enqueued;
}
