// One activity entry from what a change did: who, when, what it was about, and each row's field diff.

import {
	activityIdAt,
	entityKey,
	type Activity,
	type ActivityActor,
	type RowChange
} from '../../shared/schema/activity-entities.ts';

/** Rows an entry lists in full; a bigger change (an import) lists these and counts the rest. */
export const MAX_LISTED_ROWS = 50;

export type ActivitySubject = { table: string; id: string };

export type ActivityMeta = { actor: ActivityActor; action: string; subject: ActivitySubject | null; at: number };

/**
 * `changes` lists at most MAX_LISTED_ROWS rows; `unlisted` counts the other rows changed. `related`:
 * entity keys the change is also about (the quote of a changed line).
 */
export function activityEntry(
	meta: ActivityMeta,
	changes: readonly RowChange[],
	related: Iterable<string> = [],
	unlisted = 0
): Activity {
	const { actor } = meta;
	const subject = meta.subject ?? (changes[0] ? { table: changes[0].table, id: changes[0].id } : { table: '', id: '' });
	const entities = new Set<string>();
	if (subject.id !== '') entities.add(entityKey(subject.table, subject.id));
	for (const change of changes) entities.add(entityKey(change.table, change.id));
	for (const key of related) entities.add(key);
	return {
		id: activityIdAt(meta.at),
		at: meta.at,
		kind: actor.kind,
		userId: actor.kind === 'person' ? actor.userId : null,
		clientId: actor.kind === 'person' ? actor.clientId : null,
		provider: actor.kind === 'sync' ? actor.provider : null,
		action: meta.action.slice(0, 100),
		entityTable: subject.table.slice(0, 40),
		entityId: subject.id.slice(0, 64),
		entities: [...entities].slice(0, 200).map((key) => key.slice(0, 120)),
		changes: changes.slice(0, MAX_LISTED_ROWS),
		omitted: unlisted + Math.max(0, changes.length - MAX_LISTED_ROWS)
	};
}
