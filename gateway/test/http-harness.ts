// Starts the real gateway over real HTTP for integration tests: a fresh store, the demo seed, the
// Hono app on an ephemeral loopback port, and small JSON clients that keep their own cookies.

import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, type AppDeps } from '../app.ts';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { createScryptHasher } from '../platform/node-password-hasher.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Store } from '../store/store.ts';
import type { TestStoreKind } from './stores.ts';

/** Cheap scrypt: real hashes, a thousandth of the production cost. */
export const TEST_PASSWORDS = createScryptHasher({ N: 2 ** 10, r: 8, p: 1 });

export type JsonResponse<T = any> = { status: number; body: T; headers: Headers };

export type HttpClient = {
	get<T = any>(path: string): Promise<JsonResponse<T>>;
	/** Sends `body` as JSON; `raw` sends a string as is (with a JSON content type unless `contentType` says otherwise). */
	post<T = any>(
		path: string,
		body?: unknown,
		options?: { raw?: string; contentType?: string | null }
	): Promise<JsonResponse<T>>;
	put<T = any>(path: string, body: unknown): Promise<JsonResponse<T>>;
	delete<T = any>(path: string): Promise<JsonResponse<T>>;
	/** The cookies this client holds, by name. */
	readonly cookies: Map<string, string>;
};

export type Gateway = {
	baseUrl: string;
	store: Store;
	/** The app's mailer, which opens the sealed bodies in sent_mail. */
	mailer: Mailer;
	/** A client with no session. */
	client(): HttpClient;
	/** A client signed in as `email` (demo password unless given); throws when sign-in fails. */
	login(email: string, password?: string): Promise<HttpClient>;
	close(): Promise<void>;
};

export type GatewayOptions = Omit<Partial<AppDeps>, 'store'> & {
	/** Serve an already open store (seeded if it is empty) instead of opening a fresh one; it stays open on close. */
	store?: Store;
	now?: number;
};

export async function startGateway(kind: TestStoreKind, options: GatewayOptions = {}): Promise<Gateway> {
	const { store: given, now, passwords = TEST_PASSWORDS, ...deps } = options;
	const owned = given ? null : await kind.open();
	const store = given ?? owned!.store;
	try {
		await seedDemo(store, TEST_PASSWORDS, now ?? deps.clock?.now() ?? Date.now());
		const { app, pokes, mailer } = await createApp({ log: () => {}, ...deps, store, passwords });
		const server = await new Promise<Server>((resolve) => {
			const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
		});
		const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const client = () => createClient(baseUrl);
		return {
			baseUrl,
			store,
			mailer,
			client,
			async login(email, password = DEMO_PASSWORD) {
				const c = client();
				const res = await c.post('/api/auth/login', { email, password });
				if (res.status !== 200)
					throw new Error(`Sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
				return c;
			},
			async close() {
				pokes.close();
				await new Promise<void>((resolve) => {
					server.close(() => resolve());
					server.closeAllConnections();
				});
				await owned?.close();
			}
		};
	} catch (error) {
		await owned?.close();
		throw error;
	}
}

/** A JSON client of the gateway at `baseUrl` that keeps its own cookies. */
export function createClient(baseUrl: string): HttpClient {
	const cookies = new Map<string, string>();

	async function send(method: string, path: string, body: string | undefined, contentType: string | null) {
		const headers: Record<string, string> = {};
		if (contentType) headers['content-type'] = contentType;
		if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const response = await fetch(baseUrl + path, { method, headers, body });
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';');
			const eq = pair!.indexOf('=');
			const name = pair!.slice(0, eq).trim();
			const value = pair!.slice(eq + 1).trim();
			const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
			if (expired || value === '') cookies.delete(name);
			else cookies.set(name, value);
		}
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			// Not JSON: the test sees the raw text.
		}
		return { status: response.status, body: parsed as any, headers: response.headers };
	}

	return {
		cookies,
		get: (path) => send('GET', path, undefined, null),
		post: (path, body, options = {}) =>
			send(
				'POST',
				path,
				options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
				options.contentType === undefined ? 'application/json' : options.contentType
			),
		put: (path, body) => send('PUT', path, JSON.stringify(body), 'application/json'),
		delete: (path) => send('DELETE', path, undefined, null)
	};
}
