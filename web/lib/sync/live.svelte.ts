// Svelte 5 glue for Dexie liveQuery: a reactive value that follows an IndexedDB query across
// writes in this tab and every other tab. Call it during component initialisation.
// Each answer is a fresh snapshot that replaces the last one whole and is never mutated, so it is
// held as $state.raw: thousands of rows (a catalog, a quote's lines) are not wrapped in deep proxies.

import { liveQuery } from 'dexie';

/**
 * `makeQuery` runs inside an effect, so the reactive values it reads (a route parameter, say)
 * re-create the query when they change; the function it returns is the Dexie query itself.
 */
export function live<T>(initial: T, makeQuery: () => (() => Promise<T> | T) | null) {
	let value = $state.raw<T>(initial);
	let loaded = $state(false);
	$effect(() => {
		const query = makeQuery();
		if (!query) return;
		const subscription = liveQuery(query).subscribe({
			next: (next) => {
				value = next;
				loaded = true;
			},
			error: (error) => console.error('A local query failed', error)
		});
		return () => subscription.unsubscribe();
	});
	return {
		get current() {
			return value;
		},
		get loaded() {
			return loaded;
		}
	};
}
