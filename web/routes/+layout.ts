// Outpost is a single-page app: every screen renders in the browser from IndexedDB.
import { browser } from '$app/environment';
import { preloadReplica } from '$lib/auth/session.svelte.ts';

export const ssr = false;
export const prerender = false;

if (browser) preloadReplica();
