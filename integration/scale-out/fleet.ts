// A scale-out deployment, started by the test: a PostgreSQL database of its own (migrated and seeded
// with the demo once, before any replica starts), gateway replicas as real processes on their own
// ports, and HAProxy in front of them configured from deploy/. Every request of a test goes through
// HAProxy unless the test means to reach one replica.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../../gateway/demo/seed-demo.ts';
import { openStore, type Store } from '../../gateway/store/store.ts';
import { createClient, TEST_PASSWORDS, type HttpClient } from '../../gateway/test/http-harness.ts';
import { createTestDatabase } from '../../gateway/test/stores.ts';
import { DEMO_PASSWORD } from '../../gateway/demo/demo-data.ts';
import { startLoadBalancer, type LoadBalancer } from './load-balancer.ts';
import { startReplica, type Replica } from './replica.ts';

const STILL_CLOCK = new URL('./still-clock.ts', import.meta.url).pathname;

export type FleetOptions = {
	replicas: number;
	/** Sandbox mode in every replica: its own PSA simulators, and PSA requests to loopback allowed. */
	sandbox?: boolean;
	/** Every replica's clock stands still at this instant (the convergence oracle knows every timestamp then). */
	stillAt?: number;
	/**
	 * The replicas start together on an empty database: they migrate it (and seed the sandbox) at the
	 * same time. Otherwise the test migrates and seeds it first, as a deployment's release step would.
	 */
	startEmpty?: boolean;
};

export type Fleet = {
	/** HAProxy's address. */
	baseUrl: string;
	replicas: Replica[];
	balancer: LoadBalancer;
	/** The test's own connection to the replicas' database, for reading what they wrote. */
	store: Store;
	databaseUrl: string;
	/** A client with no session, through HAProxy. */
	client(): HttpClient;
	/** A client signed in as `email` with the demo password, through HAProxy. */
	login(email: string): Promise<HttpClient>;
	close(): Promise<void>;
};

export async function startFleet(options: FleetOptions): Promise<Fleet> {
	const cleanups: Array<() => Promise<void>> = [];
	const close = async () => {
		for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
	};
	try {
		const dir = mkdtempSync(join(tmpdir(), 'outpost-fleet-'));
		cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
		const database = await createTestDatabase();
		cleanups.push(database.drop);
		if (!options.startEmpty) {
			const migrating = await openStore({ databaseUrl: database.url });
			await seedDemo(migrating, TEST_PASSWORDS, options.stillAt ?? Date.now());
			await migrating.close();
		}

		const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
		const starting = await Promise.allSettled(
			Array.from({ length: options.replicas }, (_, k) =>
				startReplica(
					`gw${k + 1}`,
					{
						DATABASE_URL: database.url,
						DATA_DIR: join(dir, `gw${k + 1}`),
						WEB_DIR: join(dir, 'no-web'),
						HOST: '127.0.0.1',
						// Every replica must open what another sealed: one key for all of them.
						CREDENTIALS_KEY: key,
						TRUST_PROXY: '1',
						SANDBOX: options.sandbox ? 'on' : 'off',
						...(options.stillAt === undefined ? {} : { OUTPOST_STILL_CLOCK: String(options.stillAt) })
					},
					options.stillAt === undefined ? [] : [STILL_CLOCK]
				)
			)
		);
		const replicas = starting.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
		for (const replica of replicas) cleanups.push(() => replica.kill());
		const failed = starting.find((s) => s.status === 'rejected');
		if (failed) throw failed.reason;
		const balancer = await startLoadBalancer(dir, replicas);
		cleanups.push(() => balancer.close());
		const store = await openStore({ databaseUrl: database.url });
		cleanups.push(() => store.close());

		const client = () => createClient(balancer.baseUrl);
		return {
			baseUrl: balancer.baseUrl,
			replicas,
			balancer,
			store,
			databaseUrl: database.url,
			client,
			async login(email) {
				const c = client();
				const res = await c.post('/api/auth/login', { email, password: DEMO_PASSWORD });
				if (res.status !== 200)
					throw new Error(`Sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
				return c;
			},
			close
		};
	} catch (error) {
		await close();
		throw error;
	}
}
