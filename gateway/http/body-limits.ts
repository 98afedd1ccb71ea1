// Caps the size of every request body under /api before anything reads it, signed in or not: one
// limit for most routes, larger ones for the routes named (a push carries a device's backlog).
// Over the limit: 413 too_large, naming the limit.

import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ERRORS } from '../../shared/errors.ts';
import { errorResponse } from './errors.ts';

export type BodyLimits = { defaultBytes: number; byPath: Record<string, number> };

export function bodyLimits({ defaultBytes, byPath }: BodyLimits): MiddlewareHandler {
	const limiter = (maxSize: number) =>
		bodyLimit({
			maxSize,
			onError: (c) => tooLarge(c, maxSize)
		});
	const fallback = limiter(defaultBytes);
	const limiters = new Map(Object.entries(byPath).map(([path, bytes]) => [path, limiter(bytes)]));
	return async (c, next) => {
		// A declared length is judged from the header alone. hono's bodyLimit would touch the body stream
		// first, and on @hono/node-server that left the keep-alive socket unusable for the next request.
		const declared = c.req.header('content-length');
		if (declared !== undefined && !c.req.header('transfer-encoding')) {
			const max = byPath[c.req.path] ?? defaultBytes;
			return Number(declared) > max ? tooLarge(c, max) : next();
		}
		return (limiters.get(c.req.path) ?? fallback)(c, next);
	};
}

function tooLarge(c: Context, maxSize: number) {
	return errorResponse(
		c,
		ERRORS.tooLarge.code,
		`The request body is larger than ${formatBytes(maxSize)}, the limit here.`
	);
}

export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
	if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
	return `${bytes} bytes`;
}
