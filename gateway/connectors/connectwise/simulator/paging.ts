// List pages (psa-apis.md §2.5 [V]): navigable paging with `page`/`pageSize` (25 by default, 1000 at
// most) and an RFC 8288 Link header; forward-only paging with `pageId` when the request asks for it.

import type { SimRecord } from './sim-state.ts';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 1000;

export type PageRequest = { url: URL; forwardOnly: boolean };
export type PageAnswer = { items: SimRecord[]; link: string | null };

export function pageSizeOf(url: URL): number {
	const given = Number(url.searchParams.get('pageSize') ?? DEFAULT_PAGE_SIZE);
	return Number.isInteger(given) && given > 0 ? Math.min(given, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

/** `records` are already filtered and ordered. */
export function runPage(records: SimRecord[], { url, forwardOnly }: PageRequest): PageAnswer {
	const size = pageSizeOf(url);
	if (forwardOnly) {
		const after = Number(url.searchParams.get('pageId') ?? 0) || 0;
		const rest = records.filter((r) => r.id > after);
		const items = rest.slice(0, size);
		const last = items.at(-1);
		// §2.5 [V]: forward-only answers always name the next pageId; an empty page ends the walk.
		return { items, link: last ? `<${withParams(url, { pageId: String(last.id) })}>; rel="next"` : null };
	}
	const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
	const lastPage = Math.max(1, Math.ceil(records.length / size));
	const items = records.slice((page - 1) * size, page * size);
	const links = [`<${withParams(url, { page: '1' })}>; rel="first"`];
	if (page > 1) links.push(`<${withParams(url, { page: String(Math.min(page - 1, lastPage)) })}>; rel="prev"`);
	if (page < lastPage) links.push(`<${withParams(url, { page: String(page + 1) })}>; rel="next"`);
	links.push(`<${withParams(url, { page: String(lastPage) })}>; rel="last"`);
	return { items, link: links.join(', ') };
}

function withParams(url: URL, params: Record<string, string>): string {
	const next = new URL(url);
	for (const [key, value] of Object.entries(params)) next.searchParams.set(key, value);
	return next.toString();
}
