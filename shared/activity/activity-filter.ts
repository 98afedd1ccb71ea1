// Which activity entries a filter keeps: the same rules on the gateway (older pages) and on the
// device (the replicated window), so "Load older" continues the list the screen already shows.

import { entityKey, type Activity, type ActivityKind } from '../schema/activity-entities.ts';

export type ActivityFilter = {
	/** `table:id`: entries that touched this entity. */
	entity?: string;
	/** A user id: changes this person made. */
	person?: string;
	kind?: ActivityKind;
	/** Text anywhere in the entry, case-insensitive; `names` adds text the entry only refers to (a person's name). */
	q?: string;
	/** Entries at or after this time (ms). */
	from?: number;
	/** Entries before this time (ms). */
	to?: number;
};

export function matchesActivity(entry: Activity, filter: ActivityFilter, names?: (entry: Activity) => string): boolean {
	if (filter.kind && entry.kind !== filter.kind) return false;
	if (filter.person && entry.userId !== filter.person) return false;
	if (filter.from !== undefined && entry.at < filter.from) return false;
	if (filter.to !== undefined && entry.at >= filter.to) return false;
	if (
		filter.entity &&
		!entry.entities.includes(filter.entity) &&
		entityKey(entry.entityTable, entry.entityId) !== filter.entity
	)
		return false;
	if (filter.q) {
		const needle = filter.q.trim().toLowerCase();
		const haystack = `${JSON.stringify(entry)} ${names?.(entry) ?? ''}`.toLowerCase();
		if (needle && !haystack.includes(needle)) return false;
	}
	return true;
}
