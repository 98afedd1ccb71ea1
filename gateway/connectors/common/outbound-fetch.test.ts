import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundRefused, outboundFetch } from './outbound-fetch.ts';
import { createOutboundPolicy } from './outbound-policy.ts';

function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; origin: string }> {
	const server = createServer(handler);
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })
		)
	);
}

describe('outboundFetch', () => {
	let hits = { psa: 0, target: 0 };
	let psa: { server: Server; origin: string };
	let target: { server: Server; origin: string };
	beforeAll(async () => {
		target = await listen((_req, res) => {
			hits.target++;
			res.end('secret');
		});
		psa = await listen((_req, res) => {
			hits.psa++;
			res.writeHead(302, { location: `${target.origin}/latest/meta-data/` }).end();
		});
	});
	afterAll(() => {
		psa.server.close();
		target.server.close();
	});

	it('hands a redirect back instead of following it', async () => {
		hits = { psa: 0, target: 0 };
		const guarded = outboundFetch(createOutboundPolicy({ allowLoopback: true }), (url, init) => fetch(url, init));
		const response = await guarded(`${psa.origin}/api`, { method: 'GET' });
		expect(response.status).toBe(302);
		expect(hits).toEqual({ psa: 1, target: 0 });
	});

	it('refuses a forbidden URL before sending a byte', async () => {
		hits = { psa: 0, target: 0 };
		const guarded = outboundFetch(createOutboundPolicy({ allowLoopback: false }), (url, init) => fetch(url, init));
		const sent = guarded(`${psa.origin}/api`, { method: 'GET' });
		await expect(sent).rejects.toBeInstanceOf(OutboundRefused);
		await expect(sent).rejects.toMatchObject({ rule: 'loopback' });
		expect(hits).toEqual({ psa: 0, target: 0 });
	});
});
