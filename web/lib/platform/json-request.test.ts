import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalOf, requestJson } from './json-request.ts';

type Seen = { method: string; url: string; contentType: string | undefined; body: string };

let server: Server;
let base = '';
const seen: Seen[] = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			seen.push({ method: req.method!, url: req.url!, contentType: req.headers['content-type'], body });
			if (req.url === '/refused') {
				res.writeHead(403, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { code: 'forbidden', message: 'No.', fields: ['name'] } }));
			} else if (req.url === '/garbled') {
				res.writeHead(200, { 'content-type': 'text/html' });
				res.end('<html>not json</html>');
			} else {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ echo: body === '' ? null : JSON.parse(body) }));
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('requestJson', () => {
	it('sends a body as JSON with POST and gives back the parsed answer', async () => {
		const answer = await requestJson(`${base}/echo`, { body: { a: 1 } });
		expect(answer).toEqual({ reached: true, status: 200, ok: true, body: { echo: { a: 1 } }, readable: true });
		expect(seen.at(-1)).toEqual({ method: 'POST', url: '/echo', contentType: 'application/json', body: '{"a":1}' });
	});

	it('sends no body and no content type with GET by default, or with the method asked for', async () => {
		await requestJson(`${base}/plain`);
		expect(seen.at(-1)).toEqual({ method: 'GET', url: '/plain', contentType: undefined, body: '' });
		await requestJson(`${base}/plain`, { method: 'DELETE' });
		expect(seen.at(-1)?.method).toBe('DELETE');
	});

	it('keeps the status of a refusal with its body', async () => {
		const answer = await requestJson(`${base}/refused`, { body: {} });
		expect(answer).toMatchObject({ reached: true, status: 403, ok: false });
		expect(refusalOf(answer.reached ? answer.body : null)).toEqual({
			code: 'forbidden',
			message: 'No.',
			fields: ['name']
		});
	});

	it('says when the body is not JSON', async () => {
		expect(await requestJson(`${base}/garbled`)).toEqual({
			reached: true,
			status: 200,
			ok: true,
			body: null,
			readable: false
		});
	});

	it('says the gateway was not reached when the request itself fails', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		expect(await requestJson(`http://127.0.0.1:${port}/gone`)).toEqual({ reached: false });
	});
});

describe('refusalOf', () => {
	it('reads the error envelope, with no fields when none are named', () => {
		expect(refusalOf({ error: { code: 'x', message: 'Y.' } })).toEqual({ code: 'x', message: 'Y.', fields: [] });
	});

	it('is null for anything else', () => {
		expect(refusalOf({ error: 'boom' })).toBeNull();
		expect(refusalOf(null)).toBeNull();
	});

	it('is null when a part of the envelope has the wrong type', () => {
		expect(refusalOf({ error: { code: 7, message: 'Y.' } })).toBeNull();
		expect(refusalOf({ error: { code: 'x', message: 'Y.', fields: ['name', 3] } })).toBeNull();
		expect(refusalOf({ error: { code: 'x', message: 'Y.', fields: null } })).toBeNull();
	});

	it('keeps the named fields and nothing else from the envelope', () => {
		expect(refusalOf({ error: { code: 'x', message: 'Y.', fields: ['name'], extra: 1 } })).toEqual({
			code: 'x',
			message: 'Y.',
			fields: ['name']
		});
	});
});
