// The request body as text, read once. Served by @hono/node-server, the Node request underneath is
// read directly: for a body of a few hundred bytes, building a web Request and a ReadableStream
// around it (what c.req.text() does there) costs more than parsing and checking it. Only a body of
// a declared length goes this way: body-limits.ts has already judged it from the header, and Node
// delivers no more than it. Elsewhere (app.request in tests, a chunked body) c.req.text() reads it.

import type { Context } from 'hono';

/** The part of Node's IncomingMessage this reads, found by shape so this file stays web-standard. */
type NodeIncoming = {
	readableEnded: boolean;
	setEncoding(encoding: 'utf8'): unknown;
	on(event: 'data', listener: (chunk: string) => void): unknown;
	once(event: 'end' | 'close', listener: () => void): unknown;
	once(event: 'error', listener: (error: Error) => void): unknown;
};

function nodeIncoming(c: Context): NodeIncoming | null {
	const incoming = (c.env as { incoming?: Partial<NodeIncoming> } | undefined)?.incoming;
	return incoming && typeof incoming.setEncoding === 'function' && typeof incoming.on === 'function'
		? (incoming as NodeIncoming)
		: null;
}

/** Puts the body's text in Hono's body cache, so c.req.json() and the validators read it from there. */
export function preloadBodyText(c: Context): void {
	const cache = c.req.bodyCache;
	if (cache.text || cache.json || cache.arrayBuffer || cache.blob || cache.formData) return;
	const incoming = nodeIncoming(c);
	if (!incoming || incoming.readableEnded) return;
	if (c.req.header('content-length') === undefined || c.req.header('transfer-encoding') !== undefined) return;
	// Hono keeps the pending read in the cache, whatever its type says.
	(cache as { text?: Promise<string> }).text = new Promise<string>((resolve, reject) => {
		let text = '';
		let ended = false;
		incoming.setEncoding('utf8');
		incoming.on('data', (chunk) => (text += chunk));
		incoming.once('end', () => {
			ended = true;
			resolve(text);
		});
		incoming.once('error', reject);
		// Every request closes, most after their body ended: an Error (its stack captured) only when needed.
		incoming.once('close', () => {
			if (!ended) reject(new Error('The request ended before its body did.'));
		});
	});
}
