// Hono's `getPath` for simulated hosts that match paths case-insensitively (Autotask's IIS, HaloPSA §3.1):
// `/api/client` and `/api/Client` route alike. The decoded path, lower-cased; the query is left out.

export function lowerCasePath(request: Request): string {
	const url = request.url;
	const start = url.indexOf('/', url.indexOf('://') + 3);
	if (start === -1) return '/';
	const end = url.indexOf('?', start);
	const path = url.slice(start, end === -1 ? undefined : end);
	try {
		return decodeURIComponent(path).toLowerCase();
	} catch {
		return path.toLowerCase();
	}
}
