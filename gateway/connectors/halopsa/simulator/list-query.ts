// A list request's answer (psa-apis.md §3.4): active records unless told otherwise, `search` as a
// case-insensitive "contains", exact id filters, then `pageinate`/`page_size`/`page_no` or `count`. Pure.

import { SIM_ENTITIES, type SimEntityName } from './catalog.ts';
import type { SimRecord } from './sim-state.ts';

export type ListAnswer = { records: SimRecord[]; recordCount: number };

const DEFAULT_PAGE_SIZE = 50;

export function runList(entity: SimEntityName, all: SimRecord[], query: URLSearchParams): ListAnswer {
	const def = SIM_ENTITIES[entity];
	const flag = (name: string) => query.get(name)?.toLowerCase() === 'true';
	const search = query.get('search')?.trim().toLowerCase();
	const matching = all.filter((record) => {
		if (entity === 'Agent') {
			if (record.isdisabled === true && !flag('includedisabled')) return false;
			if (record.isapiagent === true && !flag('includeapiagents')) return false;
		} else if (def.inactive && record[def.inactive] === true && !flag('includeinactive')) return false;
		for (const field of def.filters) {
			const wanted = query.get(field);
			if (wanted !== null && String(record[field]) !== wanted) return false;
		}
		if (!search) return true;
		return def.search.some((field) =>
			String(record[field] ?? '')
				.toLowerCase()
				.includes(search)
		);
	});
	const shaped = entity === 'Quotation' && !flag('includelines') ? matching.map(withoutLines) : matching;
	if (flag('pageinate')) {
		const size = positive(query.get('page_size')) ?? DEFAULT_PAGE_SIZE;
		const pageNo = positive(query.get('page_no')) ?? 1;
		return { records: shaped.slice((pageNo - 1) * size, pageNo * size), recordCount: shaped.length };
	}
	const count = positive(query.get('count'));
	return { records: count ? shaped.slice(0, count) : shaped, recordCount: shaped.length };
}

function withoutLines(record: SimRecord): SimRecord {
	const { lines: _lines, ...rest } = record;
	return rest as SimRecord;
}

function positive(value: string | null): number | null {
	const n = Number(value);
	return value !== null && Number.isInteger(n) && n > 0 ? n : null;
}
