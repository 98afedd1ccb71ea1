// Where the REST API lives: `{site}/{codebase}apis/3.0/...` (psa-apis.md §2.1). Cloud sites answer
// on every codebase a client may name: the release one companyinfo gives (`v2025_1/`) and the
// long-standing `v4_6_release/` most clients default to. References in answers carry absolute
// `_href` links on the codebase the request used, as ConnectWise writes them.

import type { MiddlewareHandler } from 'hono';
import type { SimEnv } from './sim-env.ts';

/** A Hono path parameter matching the codebases served: `v4_6_release`, any `v2019_3`-style release, and the tenant's own. */
export function codebaseParam(own: string): string {
	const name = own.replace(/\/+$/, '').replace(/[^A-Za-z0-9_]/g, '');
	return `:codebase{v4_6_release|v20[0-9]{2}_[0-9]+${name ? `|${name}` : ''}}`;
}

const API_SEGMENT = '/apis/3.0';

/** `/v4_6_release/apis/3.0/company/companies/5` → `/company/companies/5`. */
export function apiPathOf(pathname: string): string {
	const at = pathname.indexOf(`${API_SEGMENT}/`);
	return at === -1 ? pathname : pathname.slice(at + API_SEGMENT.length);
}

/** `https://site/v4_6_release/apis/3.0` for a request anywhere under it. */
function apiBaseOf(url: URL): string {
	const at = url.pathname.indexOf(`${API_SEGMENT}/`);
	return `${url.origin}${url.pathname.slice(0, at + API_SEGMENT.length)}`;
}

/** Records are stored with `_href` links relative to the API root; answers make them absolute. */
export function absoluteLinks(): MiddlewareHandler<SimEnv> {
	return async (c, next) => {
		await next();
		if (!c.res.headers.get('content-type')?.includes('application/json')) return;
		const base = apiBaseOf(new URL(c.req.url));
		const body = absolutize(await c.res.clone().json(), base);
		const headers = new Headers(c.res.headers);
		headers.delete('content-length');
		c.res = new Response(JSON.stringify(body), { status: c.res.status, headers });
	};
}

function absolutize(value: unknown, base: string): unknown {
	if (Array.isArray(value)) return value.map((item) => absolutize(item, base));
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, v]) => [
			key,
			key.endsWith('_href') && typeof v === 'string' && v.startsWith('/') ? `${base}${v}` : absolutize(v, base)
		])
	);
}
