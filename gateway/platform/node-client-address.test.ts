import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeClientAddress } from './node-client-address.ts';

describe('nodeClientAddress', () => {
	let servers: Server[] = [];
	const urls: Record<'direct' | 'proxied', string> = { direct: '', proxied: '' };

	beforeAll(async () => {
		for (const mode of ['direct', 'proxied'] as const) {
			const address = nodeClientAddress(mode === 'proxied');
			const app = new Hono().get('/', (c) => c.text(address(c)));
			const server = await new Promise<Server>((resolve) => {
				const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
			});
			servers.push(server);
			urls[mode] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
		}
	});
	afterAll(async () => {
		await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
		servers = [];
	});

	const from = async (url: string, forwardedFor?: string) =>
		(await fetch(url, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} })).text();

	it('is the socket peer, ignoring X-Forwarded-For unless a proxy is trusted', async () => {
		expect(await from(urls.direct)).toBe('127.0.0.1');
		expect(await from(urls.direct, '203.0.113.9')).toBe('127.0.0.1');
	});

	it('behind a trusted proxy, is the entry that proxy added (the last), not what the client claimed', async () => {
		expect(await from(urls.proxied, '203.0.113.9')).toBe('203.0.113.9');
		expect(await from(urls.proxied, '10.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
		expect(await from(urls.proxied, '10.6.6.6 , 203.0.113.9 ')).toBe('203.0.113.9');
	});

	it('falls back to the socket peer when a trusted proxy sent no usable header', async () => {
		expect(await from(urls.proxied)).toBe('127.0.0.1');
		expect(await from(urls.proxied, '203.0.113.9, ')).toBe('127.0.0.1');
	});
});
