// The real gateway over HTTP on a store that outlives it: restart() closes the HTTP server and
// starts a new one (on a new port) on the same store, as a deploy or a crash-and-restart would.
// A restart waits for the requests in transit and holds new ones back until the new server is up
// (transit-gate.ts), so the test network sees every answer the gateway gives (losing answers is a
// separate fault).
// Its clock stands still at `now`: sync never depends on time (versions, not timestamps), and so the
// oracle knows every timestamp the gateway writes.

import { startGateway, type Gateway } from '../gateway/test/http-harness.ts';
import type { TestStore, TestStoreKind } from '../gateway/test/stores.ts';
import { createTransitGate } from './transit-gate.ts';

/** What the convergence world needs of a gateway: its address, its store, a way to sign in. */
export type ServingGateway = Pick<Gateway, 'baseUrl' | 'store' | 'login'>;

/** A gateway the convergence world can restart: one process here, a fleet of replicas in scale-out/. */
export type RestartableGateway = {
	/** The gateway's clock reading, the same for every request. */
	readonly now: number;
	/** The gateway serving now; its baseUrl may change on every restart. */
	readonly current: ServingGateway;
	readonly restarts: number;
	/** Carries one request to the gateway and back. */
	transit<T>(carry: () => Promise<T>): Promise<T>;
	/** Restarts on the same store, with another pull page size if given (and if the gateway can take one). */
	restart(options?: { pullPageSize?: number }): Promise<void>;
	/** Closes the gateway and removes the store. */
	close(): Promise<void>;
};

export async function startRestartableGateway(
	kind: TestStoreKind,
	options: { pullPageSize: number }
): Promise<RestartableGateway> {
	const store: TestStore = await kind.open();
	const now = Date.now();
	const clock = { now: () => now };
	let pullPageSize = options.pullPageSize;
	const start = () => startGateway(kind, { store: store.store, pullPageSize, clock });
	let current: Gateway;
	try {
		current = await start();
	} catch (error) {
		await store.close();
		throw error;
	}
	let restarts = 0;
	const gate = createTransitGate();

	return {
		now,
		get current() {
			return current;
		},
		get restarts() {
			return restarts;
		},
		transit: gate.transit,
		restart: (next = {}) =>
			gate.closedFor(async () => {
				pullPageSize = next.pullPageSize ?? pullPageSize;
				await current.close();
				current = await start();
				restarts += 1;
			}),
		async close() {
			await current.close().catch(() => {});
			await store.close();
		}
	};
}
