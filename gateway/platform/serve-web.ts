// Serves the built PWA next to /api on one origin: hashed assets cached for a year, everything else
// revalidated, and any other GET path answered with the SPA fallback page. The build writes a brotli
// and a gzip copy beside each text file (adapter-static's precompress); a browser that accepts one
// gets it, so nothing is compressed at request time.

import { statSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';

const FALLBACK_PAGE = '200.html';
const IMMUTABLE = /^\/_app\/immutable\//;
/** The types the build precompresses (adapter-static: html, js, json, css, svg, xml, wasm, txt). */
const PRECOMPRESSED_TYPE = /^(?:text\/|application\/(?:javascript|json|manifest\+json|xml|wasm)|image\/svg\+xml)/i;
const COMPRESSED_COPIES = ['.br', '.gz'];

const modified = (path: string) => statSync(path, { throwIfNoEntry: false })?.mtimeMs;

/**
 * Whether every compressed copy of a file is at least as new as the file: a file changed after the
 * build (a hot fix, a test standing in for a new deploy) must not be shadowed by its old copies.
 */
export function compressedCopiesCurrent(file: string): boolean {
	const original = modified(file);
	if (original === undefined) return true;
	return COMPRESSED_COPIES.every((ext) => (modified(file + ext) ?? original) >= original);
}

/** serveStatic, taking the build's compressed copies only while they are current. */
function serveBuilt(webDir: string, path?: string): MiddlewareHandler {
	const compressed = serveStatic({ root: webDir, path, precompressed: true });
	const plain = serveStatic({ root: webDir, path });
	return (c, next) => {
		let file: string;
		try {
			file = join(webDir, path ?? decodeURI(c.req.path));
		} catch {
			return plain(c, next);
		}
		return (compressedCopiesCurrent(file) ? compressed : plain)(c, next);
	};
}

export async function mountWeb(app: Hono<any>, webDir: string): Promise<boolean> {
	const built = await access(join(webDir, FALLBACK_PAGE)).then(
		() => true,
		() => false
	);
	if (!built) return false;
	app.use('*', async (c, next) => {
		await next();
		if (c.req.path.startsWith('/api/')) return;
		c.header('Cache-Control', IMMUTABLE.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache');
		const vary = c.res.headers.get('Vary') ?? '';
		if (PRECOMPRESSED_TYPE.test(c.res.headers.get('Content-Type') ?? '') && !/accept-encoding/i.test(vary))
			c.header('Vary', 'Accept-Encoding', { append: true });
	});
	app.use('*', serveBuilt(webDir));
	app.get('*', serveBuilt(webDir, FALLBACK_PAGE));
	return true;
}
