// Everything a replica asks of the browser, in one object handed to it: IndexedDB, Web Locks, the
// tabs' BroadcastChannel, the network signal, the page's lifecycle events, localStorage, the poke
// stream's EventSource and fetch. browserPlatform() is the real one; Node tests pass their own.

import type { LockManagerLike } from './leader-lock.ts';
import { browserNetworkStatus, type NetworkStatus } from './network-status.ts';
import type { EventSourceLike } from './poke-stream.ts';
import { openTabChannel, type TabChannel, type TabMessage } from './tab-channel.ts';

export type PageEvent = 'freeze' | 'resume' | 'visible';

/** The page lifecycle: frozen and resumed (a background tab), and shown again. */
export type PageLifecycle = { subscribe(listener: (event: PageEvent) => void): () => void };

export type ReplicaPlatform = {
	/** Where the database lives; Dexie's (the browser's IndexedDB) when absent. */
	indexedDB?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };
	/** Web Locks; without them every tab leads its own sync. */
	locks: LockManagerLike | undefined;
	network: NetworkStatus;
	openChannel(name: string, onMessage: (message: TabMessage) => void): TabChannel;
	page: PageLifecycle;
	/** Remembers that this device had the database (eviction check). */
	storage: Pick<Storage, 'getItem' | 'setItem'>;
	/** Opens the poke stream; the browser's EventSource when absent. */
	connectPokes?: (url: string) => EventSourceLike | null;
	fetch?: typeof fetch;
	/** The gateway's origin; the page's own when absent. */
	baseUrl?: string;
	/** Asks the browser not to evict the database under storage pressure. */
	persistStorage(): Promise<unknown>;
};

export function browserPlatform(): ReplicaPlatform {
	return {
		locks: globalThis.navigator?.locks,
		network: browserNetworkStatus(),
		openChannel: openTabChannel,
		page: documentLifecycle(document),
		storage: localStorage,
		persistStorage: async () => navigator.storage?.persist?.()
	};
}

function documentLifecycle(doc: Document): PageLifecycle {
	return {
		subscribe(listener) {
			const onFreeze = () => listener('freeze');
			const onResume = () => listener('resume');
			const onVisibility = () => doc.visibilityState === 'visible' && listener('visible');
			doc.addEventListener('freeze', onFreeze);
			doc.addEventListener('resume', onResume);
			doc.addEventListener('visibilitychange', onVisibility);
			return () => {
				doc.removeEventListener('freeze', onFreeze);
				doc.removeEventListener('resume', onResume);
				doc.removeEventListener('visibilitychange', onVisibility);
			};
		}
	};
}

/** A test double: `emit()` fires what the browser would. */
export function createFakePage(): PageLifecycle & { emit(event: PageEvent): void } {
	const listeners = new Set<(event: PageEvent) => void>();
	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		emit(event) {
			for (const listener of [...listeners]) listener(event);
		}
	};
}
