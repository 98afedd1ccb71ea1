// Outpost is a single-page app: every screen renders in the browser from IndexedDB.
import { browser } from '$app/environment';
import { preloadReplica, session } from '$lib/auth/session.svelte.ts';

export const ssr = false;
export const prerender = false;

// As the app's first module runs, not once the layout has mounted: a remembered user's replica then
// opens while the first screen's code still loads, and the screen mounts with its data ready to read.
if (browser) {
	preloadReplica();
	void session.start();
}
