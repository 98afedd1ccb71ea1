// The answer to a verb a simulated path does not take: 405 with the `Allow` header (RFC 9110 §15.5.6),
// in the system's own error body. Register it with `app.all(path, ...)` after the path's real routes.

import type { Context } from 'hono';

export function methodNotAllowed<C extends Context>(allowed: string[], body: (method: string) => unknown) {
	const allow = [...new Set(allowed.map((m) => m.toUpperCase()))].join(', ');
	return (c: C) => {
		c.header('Allow', allow);
		return c.json(body(c.req.method), 405);
	};
}
