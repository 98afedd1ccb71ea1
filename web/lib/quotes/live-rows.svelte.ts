// A Dexie liveQuery as reactive state, like live() in sync/, but held as $state.raw: each answer is
// a fresh snapshot that is replaced whole, never mutated, so thousands of rows (a catalog, a quote's
// lines) are not wrapped in deep proxies. Call it during component initialisation.

import { liveQuery } from 'dexie';

export function liveRows<T>(initial: T, makeQuery: () => (() => Promise<T> | T) | null) {
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
