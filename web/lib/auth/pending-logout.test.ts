import { describe, expect, it } from 'vitest';
import { createPendingLogout, PENDING_LOGOUT_KEY } from './pending-logout.ts';

function memoryStorage() {
	const values = new Map<string, string>();
	return {
		values,
		getItem: (key: string) => values.get(key) ?? null,
		setItem: (key: string, value: string) => void values.set(key, value),
		removeItem: (key: string) => void values.delete(key)
	};
}

describe('a pending logout', () => {
	it('is kept in storage until a logout reaches the gateway', async () => {
		const storage = memoryStorage();
		let reachable = false;
		let sent = 0;
		const send = async () => {
			sent += 1;
			return reachable;
		};
		createPendingLogout({ storage, send, now: () => 42 }).mark();
		expect(storage.values.get(PENDING_LOGOUT_KEY)).toBe('42');

		// After a reload: a new instance reads the same storage.
		const later = createPendingLogout({ storage, send });
		expect(await later.flush()).toBe(false);
		expect(later.isPending()).toBe(true);

		reachable = true;
		expect(await later.flush()).toBe(true);
		expect(later.isPending()).toBe(false);
		expect(sent).toBe(2);
	});

	it('sends nothing when nothing is pending', async () => {
		let sent = 0;
		const pending = createPendingLogout({ storage: memoryStorage(), send: async () => (sent += 1) > 0 });
		expect(await pending.flush()).toBe(true);
		expect(sent).toBe(0);
	});

	it('callers asking at the same moment share one request', async () => {
		let sent = 0;
		const pending = createPendingLogout({
			storage: memoryStorage(),
			send: async () => {
				sent += 1;
				return true;
			}
		});
		pending.mark();
		expect(await Promise.all([pending.flush(), pending.flush(), pending.flush()])).toEqual([true, true, true]);
		expect(sent).toBe(1);
	});

	it('a new sign-in clears it without a request', async () => {
		let sent = 0;
		const pending = createPendingLogout({ storage: memoryStorage(), send: async () => (sent += 1) > 0 });
		pending.mark();
		pending.clear();
		expect(await pending.flush()).toBe(true);
		expect(sent).toBe(0);
	});
});
