// Where a quote line goes: fractional-index keys for inserting and moving lines in a list, written
// back with updateQuoteLine({ position }). It knows nothing of sections or of the database.

import { generateNKeysBetween } from 'fractional-indexing';

export type Keyed = { id: string; position: string };
export type KeyUpdate = { id: string; position: string };

/** Lines are listed by position, then by id (two devices appending offline can produce equal keys). */
export function comparePosition(a: Keyed, b: Keyed): number {
	if (a.position !== b.position) return a.position < b.position ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortByPosition<T extends Keyed>(items: readonly T[]): T[] {
	return [...items].sort(comparePosition);
}

/**
 * Keys for `count` new items placed at `index` of `order` (after order[index - 1], before
 * order[index]). Usually no other item changes; when the neighbours' keys tie or are out of order
 * (concurrent appends), the items after the gap that are not above the left key get new keys too,
 * returned as `updates`. A key the library cannot read makes the whole list start over.
 */
export function planInsert(
	order: readonly Keyed[],
	index: number,
	count = 1
): { keys: string[]; updates: KeyUpdate[] } {
	const at = Math.max(0, Math.min(index, order.length));
	try {
		const lo = order[at - 1]?.position ?? null;
		let end = at;
		while (lo !== null && end < order.length && order[end]!.position <= lo) end += 1;
		const hi = order[end]?.position ?? null;
		const keys = generateNKeysBetween(lo, hi, count + (end - at));
		const updates = order.slice(at, end).map((item, k) => ({ id: item.id, position: keys[count + k]! }));
		return { keys: keys.slice(0, count), updates };
	} catch {
		return startOver(order, at, count);
	}
}

function startOver(order: readonly Keyed[], at: number, count: number): { keys: string[]; updates: KeyUpdate[] } {
	const all = generateNKeysBetween(null, null, order.length + count);
	const keys = all.slice(at, at + count);
	const rest = [...all.slice(0, at), ...all.slice(at + count)];
	const updates = order.flatMap((item, k) => (item.position === rest[k] ? [] : [{ id: item.id, position: rest[k]! }]));
	return { keys, updates };
}

/**
 * Moves order[from] so that it ends up at index `to` of the resulting list. Returns the key updates,
 * the moved item's first; empty when nothing moves.
 */
export function planMove(order: readonly Keyed[], from: number, to: number): KeyUpdate[] {
	const item = order[from];
	if (!item || from === to || to < 0 || to >= order.length) return [];
	const rest = order.filter((_, k) => k !== from);
	const { keys, updates } = planInsert(rest, to);
	return [{ id: item.id, position: keys[0]! }, ...updates];
}
