// GET /api/admin/activity: the activity log beyond what devices replicate, newest first, page by page
// (`before` is the last id of the previous page, or a time in milliseconds), filtered like the screen.

import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import {
	activityIdFloor,
	activityKind,
	type Activity,
	type ActivityPage
} from '../../shared/schema/activity-entities.ts';
import type { GuardDeps } from '../auth/session-guard.ts';
import type { AppEnv } from '../http/app-env.ts';
import { queryParams } from '../http/query-params.ts';
import type { Store } from '../store/store.ts';
import { matchesActivity, type ActivityFilter } from '../../shared/activity/activity-filter.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const activityQuery = z.object({
	before: z
		.union([z.string().regex(/^\d{1,15}$/, 'must be an entry id or a time in milliseconds'), text(64)])
		.optional()
		.describe('The last id of the previous page, or a time in milliseconds: only entries before it.'),
	entity: text(120)
		.regex(/^[A-Za-z]+:.+$/, 'must be table:id, e.g. categories:cat-7')
		.optional()
		.describe('Only entries about this entity, as table:id.'),
	person: text(64).optional().describe('Only changes made by this user id.'),
	kind: activityKind.optional(),
	q: text(200).optional().describe('Text anywhere in the entry (field names and values, action, ids).'),
	limit: z.coerce.number().int().min(1).max(200).default(50)
});

export type ActivityQuery = z.infer<typeof activityQuery>;

/** Rows read per round when filters leave few: bounded, so a rare match cannot scan the whole log at once. */
const ROUNDS = 5;

export async function readActivityPage(store: Store, orgId: string, query: ActivityQuery): Promise<ActivityPage> {
	const filter: ActivityFilter = { entity: query.entity, person: query.person, kind: query.kind, q: query.q };
	const postgres = store.kind === 'postgres';
	const like = (needle: string) => {
		const pattern = `%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
		return postgres
			? sql<boolean>`value ILIKE ${pattern} ESCAPE '\\'`
			: sql<boolean>`value LIKE ${pattern} ESCAPE '\\'`;
	};
	const needles = [
		query.entity && JSON.stringify(query.entity),
		query.person && `"userId":${JSON.stringify(query.person)}`,
		query.kind && `"kind":"${query.kind}"`,
		query.q
	].filter((n): n is string => typeof n === 'string');
	let before =
		query.before === undefined
			? null
			: /^\d+$/.test(query.before)
				? activityIdFloor(Number(query.before))
				: query.before;
	const entries: Activity[] = [];
	const batch = Math.min(500, query.limit * 4);
	for (let round = 0; round < ROUNDS; round++) {
		let select = store.db
			.selectFrom('entities')
			.select(['id', 'value'])
			.where('org_id', '=', orgId)
			.where('tbl', '=', 'activity')
			.where('deleted', '=', 0);
		if (before !== null) select = select.where('id', '<', before);
		for (const needle of needles) select = select.where(like(needle));
		const rows = await select.orderBy('id', 'desc').limit(batch).execute();
		for (const row of rows) {
			const entry = JSON.parse(row.value) as Activity;
			if (matchesActivity(entry, filter)) entries.push(entry);
			if (entries.length > query.limit) return { entries: entries.slice(0, query.limit), more: true };
		}
		if (rows.length < batch) return { entries, more: false };
		before = rows.at(-1)!.id;
	}
	// Ran out of rounds with rows left: the client asks again from the last entry it got.
	return { entries, more: true };
}

export function activityRoutes(deps: GuardDeps) {
	return new Hono<AppEnv>().get('/', queryParams(activityQuery), async (c) =>
		c.json(await readActivityPage(deps.store, c.get('principal').orgId, c.req.valid('query')))
	);
}
