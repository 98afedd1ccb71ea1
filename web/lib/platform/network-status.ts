// Whether the device has a network, as the browser reports it (navigator.onLine and the window's
// online/offline events), behind a narrow interface so the sync loop and the poke stream run in Node.
// "Online" only means a network interface is up; whether the gateway answers is for the caller to find out.

export type NetworkStatus = {
	/** False only when the browser is sure there is no network. */
	isOnline(): boolean;
	/** Calls `listener` on every change; returns the unsubscribe function. */
	subscribe(listener: (online: boolean) => void): () => void;
};

type EventSourceLike = Pick<Window, 'addEventListener' | 'removeEventListener'>;

export function browserNetworkStatus(
	target: EventSourceLike = window,
	navigatorLike: Pick<Navigator, 'onLine'> = navigator
): NetworkStatus {
	return {
		isOnline: () => navigatorLike.onLine,
		subscribe(listener) {
			const online = () => listener(true);
			const offline = () => listener(false);
			target.addEventListener('online', online);
			target.addEventListener('offline', offline);
			return () => {
				target.removeEventListener('online', online);
				target.removeEventListener('offline', offline);
			};
		}
	};
}

/** For code that runs where nobody reports the network (Node tests, the integration harness). */
export const ALWAYS_ONLINE: NetworkStatus = { isOnline: () => true, subscribe: () => () => {} };

/** A test double: `set(false)` and `set(true)` fire the events the browser would. */
export function createFakeNetworkStatus(online = true): NetworkStatus & { set(online: boolean): void } {
	const listeners = new Set<(online: boolean) => void>();
	return {
		isOnline: () => online,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		set(next) {
			online = next;
			for (const listener of [...listeners]) listener(next);
		}
	};
}
