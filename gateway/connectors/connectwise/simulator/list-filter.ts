// The three filters of a list GET (psa-apis.md §2.5 [V]), each parsed with the conditions grammar:
// `conditions` on the record's own fields (and `lastUpdated`, which reads `_info/lastUpdated`),
// `childConditions` on one child collection (`communicationItems/value = "a@b.com"`: some item of
// the collection meets the whole condition), and `customFieldConditions` on the record's custom
// fields (`caption = "Tier" and value = "Gold"`: some custom field meets it). A filter that cannot
// be read answers 400 naming its parameter; none is ever ignored.

import { matches, parseConditions, type Node } from './conditions-engine.ts';
import type { SimRecord } from './sim-state.ts';

export type ListFilter = (record: SimRecord) => boolean;
export type ListFilterParams = { conditions?: string; childConditions?: string; customFieldConditions?: string };

export function parseListFilter(
	params: ListFilterParams
): { ok: true; value: ListFilter } | { ok: false; error: string } {
	const tests: ListFilter[] = [];
	for (const [name, text] of Object.entries(params) as [keyof ListFilterParams, string | undefined][]) {
		if (!text) continue;
		const parsed = parseConditions(text);
		if (!parsed.ok) return { ok: false, error: `${name}: ${parsed.error}` };
		const node = parsed.value;
		if (name === 'conditions') tests.push((r) => matches(node, r));
		if (name === 'customFieldConditions') tests.push((r) => customFieldsOf(r).some((cf) => matches(node, cf)));
		if (name === 'childConditions') {
			const collections = [...new Set(fieldsIn(node).map((f) => f.split('/')[0]!.toLowerCase()))];
			if (collections.length !== 1 || fieldsIn(node).some((f) => !f.includes('/'))) {
				return { ok: false, error: 'childConditions: name fields of one child collection, as collection/field.' };
			}
			tests.push((r) => childrenOf(r, collections[0]!).some((child) => matches(node, child)));
		}
	}
	return { ok: true, value: (record) => tests.every((test) => test(record)) };
}

function fieldsIn(node: Node): string[] {
	return node.kind === 'cmp' || node.kind === 'in' ? [node.field] : [...fieldsIn(node.left), ...fieldsIn(node.right)];
}

function customFieldsOf(record: SimRecord): Record<string, unknown>[] {
	return Array.isArray(record.customFields) ? (record.customFields as Record<string, unknown>[]) : [];
}

/** Each item of the collection seen as `{ collection: item }`, so `collection/field` paths read it. */
function childrenOf(record: SimRecord, collection: string): Record<string, unknown>[] {
	const key = Object.keys(record).find((k) => k.toLowerCase() === collection);
	const items = key === undefined ? undefined : record[key];
	return Array.isArray(items) ? items.map((item) => ({ [key!]: item })) : [];
}
