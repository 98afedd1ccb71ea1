// One sync leader per browser and user database (Web Locks): the tab holding the lock syncs, the
// others only write locally. Without Web Locks every tab acts as its own leader (Dexie stays safe).

export type LockManagerLike = {
	request(
		name: string,
		options: { mode: 'exclusive'; signal?: AbortSignal },
		callback: () => Promise<void>
	): Promise<unknown>;
};

/** Calls lead() when this tab becomes leader; the function it returns is called when leadership ends. */
export function holdLeadership(name: string, lead: () => () => void, locks: LockManagerLike | undefined): () => void {
	if (!locks) {
		const stop = lead();
		return stop;
	}
	const abort = new AbortController();
	let release: () => void = () => {};
	locks
		.request(name, { mode: 'exclusive', signal: abort.signal }, () => {
			const stop = lead();
			return new Promise<void>((resolve) => {
				release = () => {
					stop();
					resolve();
				};
			});
		})
		.catch(() => {
			// Aborted while waiting: this tab never led.
		});
	return () => {
		abort.abort();
		release();
	};
}
