// Pokes: content-free "something changed, pull" hints to the open event streams of an organisation.
// A poke names the tables that changed, so a stream hears only of what its user can see; one
// without tables (a writer that does not know them) reaches every stream of the organisation.
// In one process this is all there is; across replicas on Postgres a LISTEN/NOTIFY relay feeds poke().

/** Called with the tables that changed, or undefined when anything may have. */
export type PokeListener = (tables: readonly string[] | undefined) => void;

export type PokeHub = {
	subscribe(orgId: string, listener: PokeListener): () => void;
	poke(orgId: string, tables?: readonly string[]): void;
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
		poke(orgId, tables) {
			if (tables?.length === 0) return;
			for (const listener of byOrg.get(orgId) ?? []) listener(tables);
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
