// A sign-out the server has not heard of yet. The session cookie is HttpOnly, so only the gateway
// can end it: the marker is kept in storage until a logout request gets an answer, which may be
// after a reload or the next day. It knows nothing of who signed out or of their local data.

export const PENDING_LOGOUT_KEY = 'outpost:pending-logout';

export type PendingLogout = {
	/** Remembers, durably, that the server session must be ended. */
	mark(): void;
	isPending(): boolean;
	/** Forgets the marker without telling the server (a new sign-in replaced the old cookie). */
	clear(): void;
	/** Sends the logout if one is pending; true when none is left pending. */
	flush(): Promise<boolean>;
};

export function createPendingLogout(options: {
	storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
	/** Posts /api/auth/logout; false when the request never reached the gateway. */
	send: () => Promise<boolean>;
	now?: () => number;
}): PendingLogout {
	const { storage, send } = options;
	const now = options.now ?? Date.now;
	let inFlight: Promise<boolean> | null = null;

	const isPending = () => storage.getItem(PENDING_LOGOUT_KEY) !== null;

	async function attempt(): Promise<boolean> {
		if (!isPending()) return true;
		if (!(await send())) return false;
		storage.removeItem(PENDING_LOGOUT_KEY);
		return true;
	}

	return {
		mark: () => storage.setItem(PENDING_LOGOUT_KEY, String(now())),
		isPending,
		clear: () => storage.removeItem(PENDING_LOGOUT_KEY),
		flush() {
			// The online event, a start and a sign-in may all ask at once: one request serves them.
			inFlight ??= attempt().finally(() => (inFlight = null));
			return inFlight;
		}
	};
}
