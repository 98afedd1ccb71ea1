// Query pages and their nextPageUrl tokens (psa-apis.md §1.4): records in ascending id order, a page
// of at most MaxRecords, and an opaque token that carries the query and where the next page starts.

import { Buffer } from 'node:buffer';
import { matchesAll, project, PAGE_LIMIT, type Parsed, type SimQuery } from './query-engine.ts';
import type { SimEntityName } from './catalog.ts';
import type { SimRecord } from './sim-state.ts';

export type Page = { items: SimRecord[]; nextAfterId: number | null };

/** One page of `records` (ascending id) matching the query, starting after `afterId`. */
export function runPage(entity: SimEntityName, records: SimRecord[], query: SimQuery, afterId: number): Parsed<Page> {
	const matching = records.filter((r) => matchesAll(entity, r, query.filter));
	// §1.4 [V]: queries that return more than 500 records must include id in IncludeFields.
	if (query.includeFields && !query.includeFields.includes('id') && matching.length > PAGE_LIMIT) {
		return { ok: false, error: 'Queries returning more than 500 records must include id in IncludeFields.' };
	}
	const rest = matching.filter((r) => r.id > afterId);
	const page = rest.slice(0, query.maxRecords);
	const last = page.at(-1);
	const nextAfterId = rest.length > page.length && last ? last.id : null;
	return { ok: true, value: { items: page.map((r) => project(r, query.includeFields)), nextAfterId } };
}

type Token = { query: SimQuery; afterId: number };

export function encodePaging(token: Token): string {
	return Buffer.from(JSON.stringify(token)).toString('base64url');
}

export function decodePaging(value: string | undefined): Token | null {
	if (!value) return null;
	try {
		const token = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Token;
		return typeof token?.afterId === 'number' && Array.isArray(token.query?.filter) ? token : null;
	} catch {
		return null;
	}
}
