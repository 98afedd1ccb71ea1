// A SyncContext over in-memory rows and links, for adapter tests that need no store. The job runner's
// own context (over the real store, with the rate budget) is tested separately.

import { createMemoryTx, type MemoryTables } from '../../../shared/sync/memory-tx.ts';
import type { SyncContext } from '../provider.ts';

export type MemorySyncContext = SyncContext & {
	linkMap: Map<string, string>;
	requests: string[];
	tx: ReturnType<typeof createMemoryTx>;
};

export function memorySyncContext(
	rows: MemoryTables,
	options: {
		credentials: unknown;
		settings?: Record<string, unknown>;
		lookups?: SyncContext['lookups'];
		resumed?: boolean;
		now?: () => number;
	}
): MemorySyncContext {
	const tx = createMemoryTx(rows);
	const linkMap = new Map<string, string>();
	const requests: string[] = [];
	return {
		orgId: 'org-test',
		now: options.now ?? Date.now,
		resumed: options.resumed ?? false,
		data: tx,
		tx,
		linkMap,
		requests,
		links: {
			get: async (kind, localId) => linkMap.get(`${kind}:${localId}`) ?? null,
			set: async (kind, localId, externalId) => void linkMap.set(`${kind}:${localId}`, externalId),
			clear: async (kind, localId) => void linkMap.delete(`${kind}:${localId}`),
			localOf: async (kind, externalId) => {
				for (const [key, value] of linkMap) {
					if (value === externalId && key.startsWith(`${kind}:`)) return key.slice(kind.length + 1);
				}
				return null;
			}
		},
		credentials: options.credentials,
		settings: options.settings ?? {},
		lookups: options.lookups ?? {},
		fetch: (input, init) => {
			requests.push(`${init.method ?? 'GET'} ${input}`);
			return fetch(input, init);
		},
		write: (fn) => fn(tx),
		progress: () => {}
	};
}
