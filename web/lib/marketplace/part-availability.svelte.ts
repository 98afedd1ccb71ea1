// A screen's view of one part's price and availability: the device's last known answer, followed
// live from the local table, and a background fetch when online (one loader per local database, so
// every line of a quote shares its batching and its in-flight parts). Call during component setup.

import { mayAskMarketplace } from '../../../shared/marketplace/availability.ts';
import type { Principal } from '../../../shared/auth/permissions.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { live } from '../sync/live.svelte.ts';
import { createAvailabilityLoader, type AvailabilityLoader } from './availability-loader.ts';
import type { CachedAvailability } from './cached-availability.ts';

const loaders = new WeakMap<LocalDb, AvailabilityLoader>();

export function loaderFor(db: LocalDb): AvailabilityLoader {
	let loader = loaders.get(db);
	if (!loader) loaders.set(db, (loader = createAvailabilityLoader({ db })));
	return loader;
}

export function partAvailability(
	source: () => { db: LocalDb; principal: Principal } | null | undefined,
	part: () => string | null | undefined
) {
	const allowed = () => {
		const s = source();
		return s && mayAskMarketplace(s.principal) ? s : null;
	};
	const entry = live<CachedAvailability | undefined>(undefined, () => {
		const s = allowed();
		const p = part()?.trim();
		return s && p ? () => s.db.availability.get(p) : null;
	});
	$effect(() => {
		const s = allowed();
		const p = part()?.trim();
		if (!s || !p) return;
		const loader = loaderFor(s.db);
		loader.want(p);
		const again = () => loader.want(p);
		window.addEventListener('online', again);
		return () => window.removeEventListener('online', again);
	});
	return {
		get current() {
			return entry.current;
		},
		get allowed() {
			return allowed() !== null;
		}
	};
}
