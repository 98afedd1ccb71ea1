// Pokes: content-free "something changed, pull" hints to the open event streams of an organisation.
// In one process this is all there is; across replicas on Postgres a LISTEN/NOTIFY relay feeds poke().

export type PokeListener = () => void;

export type PokeHub = {
	subscribe(orgId: string, listener: PokeListener): () => void;
	poke(orgId: string): void;
	size(): number;
	close(): void;
};

export function createPokeHub(): PokeHub {
	const byOrg = new Map<string, Set<PokeListener>>();
	return {
		subscribe(orgId, listener) {
			const listeners = byOrg.get(orgId) ?? new Set();
			listeners.add(listener);
			byOrg.set(orgId, listeners);
			return () => {
				listeners.delete(listener);
				if (listeners.size === 0) byOrg.delete(orgId);
			};
		},
		poke(orgId) {
			for (const listener of byOrg.get(orgId) ?? []) listener();
		},
		size() {
			let n = 0;
			for (const set of byOrg.values()) n += set.size;
			return n;
		},
		close() {
			byOrg.clear();
		}
	};
}
