// The real gateway over HTTP with password checks as slow as production's scrypt (about 60 ms),
// which the test harness's cheap hasher is not: races around the hash only show at that cost.
// Only what the throttle tests need: the demo seed, one client address, plain fetch.

import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from '../app.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { TEST_PASSWORDS } from '../test/http-harness.ts';
import type { TestStoreKind } from '../test/stores.ts';

export const PRODUCTION_HASH_MS = 60;

const productionCost: PasswordHasher = {
	hash: (password) => TEST_PASSWORDS.hash(password),
	async verify(password, stored) {
		await new Promise((resolve) => setTimeout(resolve, PRODUCTION_HASH_MS));
		return TEST_PASSWORDS.verify(password, stored);
	}
};

export type SlowGateway = {
	post(path: string, body: unknown): Promise<{ status: number; body: any; headers: Headers }>;
	close(): Promise<void>;
};

export async function startProductionCostGateway(kind: TestStoreKind, clientAddress: string): Promise<SlowGateway> {
	const opened = await kind.open();
	await seedDemo(opened.store, TEST_PASSWORDS, Date.now());
	const { app, pokes } = await createApp({
		store: opened.store,
		passwords: productionCost,
		clientAddress: () => clientAddress,
		log: () => {}
	});
	const server = await new Promise<Server>((resolve) => {
		const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
	});
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		async post(path, body) {
			const res = await fetch(baseUrl + path, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
			const text = await res.text();
			return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
		},
		async close() {
			pokes.close();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
			await opened.close();
		}
	};
}
