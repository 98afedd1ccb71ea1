// A browser for the replica under Node: one profile (its own fake-indexeddb, Web Locks, localStorage
// and BroadcastChannel between its tabs) whose tabs each get a page and a network signal to drive.

import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { LockManagerLike } from '../platform/leader-lock.ts';
import { createFakeNetworkStatus } from '../platform/network-status.ts';
import { createFakePage, type ReplicaPlatform } from '../platform/replica-platform.ts';
import type { TabChannel, TabMessage } from '../platform/tab-channel.ts';
import { fifoLocks } from './fifo-locks.ts';

export type FakeTab = ReplicaPlatform & {
	page: ReturnType<typeof createFakePage>;
	network: ReturnType<typeof createFakeNetworkStatus>;
};

export type FakeBrowser = {
	indexedDB: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };
	locks: LockManagerLike;
	storage: Map<string, string>;
	/** A new tab; `fetch` and `baseUrl` reach the gateway. */
	tab(connection: { fetch: typeof fetch; baseUrl: string }): FakeTab;
};

export function createFakeBrowser(): FakeBrowser {
	const indexedDB = { indexedDB: new IDBFactory(), IDBKeyRange };
	// liveQuery runs only where Dexie found a global IndexedDB when it loaded (never in Node); the
	// databases themselves use the factory each one was opened with.
	Dexie.dependencies.indexedDB ??= indexedDB.indexedDB;
	Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;
	const locks = fifoLocks();
	const storage = new Map<string, string>();
	const channels = new Set<{ name: string; deliver: (message: TabMessage) => void }>();

	// Like BroadcastChannel: every other channel of that name, never the sender, a task later.
	function openChannel(name: string, onMessage: (message: TabMessage) => void): TabChannel {
		const self = { name, deliver: onMessage };
		channels.add(self);
		return {
			post(message) {
				for (const other of channels) {
					if (other !== self && other.name === name) setTimeout(() => channels.has(other) && other.deliver(message));
				}
			},
			close: () => void channels.delete(self)
		};
	}

	return {
		indexedDB,
		locks,
		storage,
		tab: ({ fetch, baseUrl }) => ({
			indexedDB,
			locks,
			network: createFakeNetworkStatus(true),
			openChannel,
			page: createFakePage(),
			storage: {
				getItem: (key) => storage.get(key) ?? null,
				setItem: (key, value) => void storage.set(key, value)
			},
			connectPokes: () => null,
			fetch,
			baseUrl,
			persistStorage: async () => true
		})
	};
}
