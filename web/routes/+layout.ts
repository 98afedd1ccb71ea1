// Outpost is a single-page app: every screen renders in the browser from IndexedDB.
export const ssr = false;
export const prerender = false;
