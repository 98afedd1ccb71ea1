// Serves the built PWA next to /api on one origin: hashed assets cached for a year, everything else
// revalidated, and any other GET path answered with the SPA fallback page. The build writes a brotli
// and a gzip copy beside each text file (adapter-static's precompress); a browser that accepts one
// gets it, so nothing is compressed at request time.

import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

const FALLBACK_PAGE = '200.html';
const IMMUTABLE = /^\/_app\/immutable\//;
/** The types the build precompresses (adapter-static: html, js, json, css, svg, xml, wasm, txt). */
const PRECOMPRESSED_TYPE = /^(?:text\/|application\/(?:javascript|json|manifest\+json|xml|wasm)|image\/svg\+xml)/i;

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
	app.use('*', serveStatic({ root: webDir, precompressed: true }));
	app.get('*', serveStatic({ root: webDir, path: FALLBACK_PAGE, precompressed: true }));
	return true;
}
