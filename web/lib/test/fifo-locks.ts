// An exclusive lock manager in memory, like navigator.locks: the next waiter gets a lock when the
// holder's promise settles, and a waiter whose signal aborts never gets it.

import type { LockManagerLike } from '../platform/leader-lock.ts';

export function fifoLocks(): LockManagerLike {
	const queues = new Map<string, Promise<void>>();
	return {
		request(name, options, callback) {
			const previous = queues.get(name) ?? Promise.resolve();
			let aborted = false;
			options.signal?.addEventListener('abort', () => (aborted = true));
			const mine = previous.then(async () => {
				if (aborted) throw new DOMException('aborted', 'AbortError');
				await callback();
			});
			queues.set(
				name,
				mine.catch(() => {})
			);
			return mine;
		}
	};
}
