// Serves the built PWA next to /api on one origin: hashed assets cached for a year, everything else
// revalidated, and any other GET path answered with the SPA fallback page.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

export async function mountWeb(app: Hono<any>, webDir: string): Promise<boolean> {
	const fallback = await readFile(join(webDir, '200.html'), 'utf8').catch(() => null);
	if (fallback === null) return false;
	app.use('*', async (c, next) => {
		await next();
		if (c.req.path.startsWith('/_app/immutable/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
		else if (!c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-cache');
	});
	app.use('*', serveStatic({ root: webDir }));
	app.get('*', (c) => c.html(fallback));
	return true;
}
