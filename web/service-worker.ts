/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

// The app-shell worker: precaches the build, the static files and the SPA fallback, and answers every
// navigation with the fallback so a cold start works offline. It knows nothing about data: /api/ is
// left to the network, and local-first data comes from IndexedDB in the page (DESIGN.md §1, pwa.md §6).

import { base, build, files, prerendered, version } from '$service-worker';
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

/** The Static Routing API (Chromium 123+), missing from TypeScript's lib. */
type RouterRule = { condition: { urlPattern: { pathname: string } }; source: { cacheName: string } };
type RoutingInstallEvent = ExtendableEvent & { addRoutes?(rules: RouterRule[]): Promise<void> };

const FALLBACK = `${base}/200.html`;
const API = new RegExp(`^${base}/api(?:/|$)`);

// kit.version.name is the git SHA, which does not change for uncommitted rebuilds. 200.html names the
// hashed entry chunks, so its revision also folds in the list of hashed build files: a changed bundle
// always re-fetches the shell that points at it.
const shellRevision = `${version}-${fnv1a(build.join('\n'))}`;

const precache = new PrecacheController();
precache.precache([
	// Hashed by Vite: the URL is the revision.
	...build.map((url) => ({ url, revision: url.includes('/_app/immutable/') ? null : version })),
	...files.map((url) => ({ url, revision: version })),
	...prerendered.map((url) => ({ url, revision: shellRevision })),
	{ url: FALLBACK, revision: shellRevision }
]);
registerRoute(new PrecacheRoute(precache));
cleanupOutdatedCaches();

// Registered after the precache route, so precached URLs win; every other navigation gets the shell.
registerRoute(new NavigationRoute(precache.createHandlerBoundToURL(FALLBACK), { denylist: [API] }));

// A warm start loads some eighty hashed chunks. Through the fetch handler each waits its turn on this
// worker's thread; a static route lets the browser read them from the precache itself (stored under
// their own URL, as their revision is null), and go to the network for one that is missing.
self.addEventListener('install', (event: RoutingInstallEvent) => {
	if (!event.addRoutes) return;
	const rule = {
		condition: { urlPattern: { pathname: `${base}/_app/immutable/*` } },
		source: { cacheName: precache.strategy.cacheName }
	};
	// A browser that refuses the rule still installs the worker: the fetch handler serves those chunks too.
	event.waitUntil(event.addRoutes([rule]).catch(() => {}));
});
// No other route: Workbox calls respondWith only for a matching route, so /api/ requests go to the
// network untouched, with no cache and no fallback.

// The page asks for this only after the user accepted the update prompt (pwa.md §7); an automatic
// skipWaiting would run old tabs against the new precache.
self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Take control of the first visit without a reload. Updates still wait for SKIP_WAITING above.
self.addEventListener('activate', (event) => {
	event.waitUntil(self.clients.claim());
});

function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(36);
}
