// Older activity pages from the gateway (GET /api/admin/activity); answers are checked before use.

import type { ActivityFilter } from '../../../shared/activity/activity-filter.ts';
import { activityPageSchema, type ActivityPage } from '../../../shared/schema/activity-entities.ts';
import { refusalOf, requestJson } from '../platform/json-request.ts';

export type ActivityPageResult = ({ ok: true } & ActivityPage) | { ok: false; message: string };

/** Entries before `before` (an entry id, or a time in ms) that match the filter; times apart. */
export async function fetchActivityPage(
	filter: ActivityFilter,
	before: string | number,
	limit = 50
): Promise<ActivityPageResult> {
	const params = new URLSearchParams({ before: String(before), limit: String(limit) });
	if (filter.entity) params.set('entity', filter.entity);
	if (filter.person) params.set('person', filter.person);
	if (filter.kind) params.set('kind', filter.kind);
	if (filter.q) params.set('q', filter.q);
	const answer = await requestJson(`/api/admin/activity?${params}`);
	if (!answer.reached) {
		return { ok: false, message: 'Older entries need a connection to the server. Try again when you are online.' };
	}
	if (!answer.ok) return { ok: false, message: refusalOf(answer.body)?.message ?? 'Older entries could not be read.' };
	const parsed = activityPageSchema.safeParse(answer.body);
	return parsed.success ? { ok: true, ...parsed.data } : { ok: false, message: 'Older entries could not be read.' };
}
