// Gzips JSON answers above a small size for clients that accept gzip. Only JSON: the poke stream
// (text/event-stream) must reach the browser event by event, never held back by a compressor.
// It takes over c.json for the request: the text is in hand when the answer is built, so a small
// answer goes out exactly as c.json makes it (nothing read back, copied or rebuilt) and a large
// one streams through CompressionStream, off the event loop.

import type { Context, MiddlewareHandler } from 'hono';

/** Below this a JSON answer goes as it is: gzip's header and a round of work would outweigh the saving. */
export const COMPRESS_JSON_ABOVE_BYTES = 1024;

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

type Init = Parameters<Context['newResponse']>[1];
type HeaderRecord = Record<string, string>;
/** c.newResponse without its overloads: a status alone, or a ResponseInit. */
type Respond = (data: string | ReadableStream, arg: Init, headers: HeaderRecord) => Response;

export function compressJson(): MiddlewareHandler {
	return async (c, next) => {
		const gzip = c.req.method !== 'HEAD' && acceptsGzip(c.req.header('Accept-Encoding'));
		const respond = c.newResponse as Respond;
		c.json = ((object: unknown, arg?: Init, headers?: HeaderRecord) => {
			const text = JSON.stringify(object);
			const type = { 'Content-Type': 'application/json', Vary: 'Accept-Encoding', ...headers };
			// Characters, not bytes: a lower bound, and the threshold is a rule of thumb either way.
			if (!gzip || text.length < COMPRESS_JSON_ABOVE_BYTES) return respond(text, arg, type);
			const body = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
			return respond(body, arg, { ...type, 'Content-Encoding': 'gzip' });
		}) as unknown as Context['json'];
		await next();
	};
}
