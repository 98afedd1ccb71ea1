// Sections of a quote: lines grouped under the heading in their `section` field. Groups come in the
// order of their first line, lines within a group by position; concatenated, that is the order the
// editor shows and numbers. It knows nothing of how the keys are made (line-order.ts does).

import { sortByPosition, type Keyed } from './line-order.ts';

type Sectioned = Keyed & { section: string };

export type LineGroup<T> = { name: string; lines: T[] };

export function groupBySection<T extends Sectioned>(lines: readonly T[]): LineGroup<T>[] {
	const groups = new Map<string, LineGroup<T>>();
	for (const line of sortByPosition(lines)) {
		const group = groups.get(line.section);
		if (group) group.lines.push(line);
		else groups.set(line.section, { name: line.section, lines: [line] });
	}
	return [...groups.values()];
}

/** The lines as the editor lists them: group after group. */
export function displayOrder<T>(groups: readonly LineGroup<T>[]): T[] {
	return groups.flatMap((g) => g.lines);
}

/** Where a line added to `section` goes in the display order: after that section's last line, or at the end. */
export function insertIndexFor<T extends { section: string }>(order: readonly T[], section: string): number {
	for (let k = order.length - 1; k >= 0; k--) if (order[k]!.section === section) return k + 1;
	return order.length;
}

/** A section name as people type it: trimmed, inner runs of spaces collapsed, at most 200 characters. */
export function cleanSectionName(text: string): string {
	return text.trim().replace(/\s+/g, ' ').slice(0, 200);
}
