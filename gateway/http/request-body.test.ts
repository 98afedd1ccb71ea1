// A JSON body read straight from Node's request (request-body.ts) over real HTTP: whole, in order,
// a character split between two packets included, and judged by the same schema as any other.

import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonBody } from './json-body.ts';
import { preloadBodyText } from './request-body.ts';

let server: Server;
let port: number;

beforeAll(async () => {
	const app = new Hono().post('/echo', jsonBody(z.object({ text: z.string() }).strict()), (c) =>
		c.json(c.req.valid('json'))
	);
	server = await new Promise<Server>((resolve) => {
		const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
	});
	port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

/** POSTs `parts` one write at a time (a pause between), under a Content-Length for the whole. */
function post(parts: Buffer[]): Promise<{ status: number; body: unknown }> {
	return new Promise((resolve, reject) => {
		const length = parts.reduce((sum, part) => sum + part.length, 0);
		const req = request(
			{
				port,
				host: '127.0.0.1',
				path: '/echo',
				method: 'POST',
				headers: { 'content-type': 'application/json', 'content-length': length }
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
			}
		);
		req.on('error', reject);
		const [first, ...rest] = parts;
		req.write(first);
		setTimeout(() => {
			for (const part of rest) req.write(part);
			req.end();
		}, 20);
	});
}

describe('a JSON body read from the Node request', () => {
	it('arrives whole when it comes in two packets that split a character', async () => {
		const text = 'Ångström — 日本語 🚀 fin';
		const bytes = Buffer.from(JSON.stringify({ text }));
		const cut = bytes.indexOf(Buffer.from('🚀')) + 2;
		const res = await post([bytes.subarray(0, cut), bytes.subarray(cut)]);
		expect(res).toEqual({ status: 200, body: { text } });
	});

	it('is judged by the schema like any other', async () => {
		const res = await post([Buffer.from(JSON.stringify({ text: 1 }))]);
		expect(res.status).toBe(400);
	});
});

describe('the body text kept for the validators', () => {
	/** The parts of a Hono context preloadBodyText reads, over a Node stream standing in for the request. */
	function contextOver(incoming: PassThrough) {
		const bodyCache: { text?: Promise<string> } = {};
		const headers: Record<string, string> = { 'content-length': '11' };
		const c = { env: { incoming }, req: { bodyCache, header: (name: string) => headers[name] } };
		preloadBodyText(c as unknown as Context);
		return bodyCache.text!;
	}

	it('is the whole body once the request has ended, though the request closes after', async () => {
		const incoming = new PassThrough();
		const text = contextOver(incoming);
		incoming.end('{"text":""}');
		incoming.resume();
		await new Promise((resolve) => incoming.once('close', resolve));
		await expect(text).resolves.toBe('{"text":""}');
	});

	it('is refused when the request closes before its body has ended', async () => {
		const incoming = new PassThrough();
		const text = contextOver(incoming);
		incoming.write('{"te');
		incoming.destroy();
		await expect(text).rejects.toThrow('The request ended before its body did.');
	});
});
