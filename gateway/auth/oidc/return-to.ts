// Where a finished sign-in may send the browser: a path on this site, never another origin. Anything
// else (`//evil.example`, `https://evil.example`, `/\evil.example`, `javascript:`) falls back to the default.

export const DEFAULT_RETURN_TO = '/quotes';

const BASE = 'http://outpost.invalid';

export function safeReturnTo(value: string | undefined): string {
	// Browsers read a backslash as a slash and drop tabs and newlines: `/\evil.example` is another host.
	if (!value?.startsWith('/') || value.startsWith('//') || /[\\\p{Cc}]/u.test(value)) return DEFAULT_RETURN_TO;
	if (!URL.canParse(value, BASE)) return DEFAULT_RETURN_TO;
	const url = new URL(value, BASE);
	if (url.origin !== BASE) return DEFAULT_RETURN_TO;
	if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return DEFAULT_RETURN_TO;
	return url.pathname + url.search + url.hash;
}
