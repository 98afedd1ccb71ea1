// Retention: entries older than the organisation's setting (authSettings.activityRetentionDays, 90
// days unless an admin chose) are removed. Ids sort by time, so it is one range delete per org.

import {
	activityCutoff,
	DEFAULT_ACTIVITY_RETENTION_DAYS,
	activityRetentionDays
} from '../../shared/schema/activity-entities.ts';
import { AUTH_SETTINGS_ID } from '../../shared/schema/identity-entities.ts';
import type { Store } from '../store/store.ts';

/** How often the gateway prunes (main.ts). */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;

export function retentionOf(authSettingsValue: string | undefined): number {
	if (authSettingsValue === undefined) return DEFAULT_ACTIVITY_RETENTION_DAYS;
	const days = activityRetentionDays.safeParse(
		(JSON.parse(authSettingsValue) as { activityRetentionDays?: unknown }).activityRetentionDays
	);
	return days.success ? days.data : DEFAULT_ACTIVITY_RETENTION_DAYS;
}

/** Removes every organisation's entries past its retention; answers how many. */
export async function pruneActivity(store: Store, now: number): Promise<number> {
	const orgs = await store.db.selectFrom('orgs').select('id').execute();
	const settings = await store.db
		.selectFrom('entities')
		.select(['org_id', 'value'])
		.where('tbl', '=', 'authSettings')
		.where('id', '=', AUTH_SETTINGS_ID)
		.where('deleted', '=', 0)
		.execute();
	const byOrg = new Map(settings.map((s) => [s.org_id, s.value]));
	let removed = 0;
	for (const { id: orgId } of orgs) {
		const cutoff = activityCutoff(now, retentionOf(byOrg.get(orgId)));
		const result = await store.db
			.deleteFrom('entities')
			.where('org_id', '=', orgId)
			.where('tbl', '=', 'activity')
			.where('id', '<', cutoff)
			.executeTakeFirst();
		removed += Number(result.numDeletedRows);
	}
	return removed;
}
