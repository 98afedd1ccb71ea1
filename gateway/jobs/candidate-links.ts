// The links a test of credentials not yet saved reads and learns (Autotask's zone): kept apart from
// the stored links, which belong to the credentials in use, and written to them only if the test passes.

import type { ExternalLinks } from '../psa/provider.ts';

export type CandidateLinks = ExternalLinks & {
	/** Writes what was learned into `stored`. */
	keepIn(stored: ExternalLinks): Promise<void>;
};

export function candidateLinks(): CandidateLinks {
	const links = new Map<string, { kind: string; localId: string; externalId: string | null }>();
	const key = (kind: string, localId: string) => JSON.stringify([kind, localId]);
	return {
		get: async (kind, localId) => links.get(key(kind, localId))?.externalId ?? null,
		set: async (kind, localId, externalId) => void links.set(key(kind, localId), { kind, localId, externalId }),
		clear: async (kind, localId) => void links.set(key(kind, localId), { kind, localId, externalId: null }),
		async localOf(kind, externalId) {
			for (const link of links.values()) {
				if (link.kind === kind && link.externalId === externalId) return link.localId;
			}
			return null;
		},
		async keepIn(stored) {
			for (const { kind, localId, externalId } of links.values()) {
				await (externalId === null ? stored.clear(kind, localId) : stored.set(kind, localId, externalId));
			}
		}
	};
}
