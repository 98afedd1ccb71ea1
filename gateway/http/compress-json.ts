// Gzips JSON answers above a small size for clients that accept gzip. Only JSON: the poke stream
// (text/event-stream) must reach the browser event by event, never held back by a compressor.
// CompressionStream is web-standard and streams, so a large pull is compressed off the event loop.

import type { MiddlewareHandler } from 'hono';

/** Below this a JSON answer goes as it is: gzip's header and a round of work would outweigh the saving. */
export const COMPRESS_JSON_ABOVE_BYTES = 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json(?:[;\s]|$)/i;

/** Whether Accept-Encoding allows gzip: named with a q above 0, or through `*`, and not refused. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
	if (!acceptEncoding) return false;
	let gzip: number | null = null;
	let any: number | null = null;
	for (const part of acceptEncoding.split(',')) {
		const [name = '', ...params] = part.trim().toLowerCase().split(';');
		const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const q = qParam ? Number(qParam.slice(2)) : 1;
		const weight = Number.isFinite(q) ? q : 0;
		if (name.trim() === 'gzip' || name.trim() === 'x-gzip') gzip = weight;
		else if (name.trim() === '*') any = weight;
	}
	return (gzip ?? any ?? 0) > 0;
}

export function compressJson(): MiddlewareHandler {
	return async (c, next) => {
		await next();
		const res = c.res;
		const type = res.headers.get('Content-Type') ?? '';
		if (c.req.method === 'HEAD' || !res.body || !JSON_TYPE.test(type) || res.headers.has('Content-Encoding')) return;
		c.header('Vary', 'Accept-Encoding', { append: true });
		if (!acceptsGzip(c.req.header('Accept-Encoding'))) return;
		const bytes = await res.arrayBuffer();
		if (bytes.byteLength < COMPRESS_JSON_ABOVE_BYTES) {
			c.res = new Response(bytes, res);
			return;
		}
		c.res = new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip')), res);
		c.res.headers.set('Content-Encoding', 'gzip');
		c.res.headers.delete('Content-Length');
	};
}
