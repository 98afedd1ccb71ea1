// Registers the app-shell worker (web/service-worker.ts) through workbox-window and runs the prompt
// update flow of pwa.md §7: waiting → onNeedRefresh → applyUpdate → SKIP_WAITING → controlling → reload.
// It knows nothing about how the prompt looks; UpdatePrompt.svelte renders it.

import { Workbox } from 'workbox-window';

export type ServiceWorkerHandlers = {
	/** A new version is installed and waiting; ask the user before applying it. */
	onNeedRefresh(): void;
	/** The first install finished: the app shell is precached and works offline. */
	onOfflineReady(): void;
	/** Runs before this tab reloads into a new version, e.g. to let an open write or an outbox flush finish. */
	beforeReload?(): Promise<void>;
};

export type ServiceWorkerControls = {
	checkForUpdate(): Promise<void>;
	applyUpdate(): void;
	close(): void;
};

export const SERVICE_WORKER_URL = '/service-worker.js';
// Client-side navigations never make the browser look for a new worker (pwa.md §7), so we ask.
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

const inert: ServiceWorkerControls = {
	checkForUpdate: async () => {},
	applyUpdate: () => {},
	close: () => {}
};

export function registerServiceWorker(handlers: ServiceWorkerHandlers): ServiceWorkerControls {
	// Kit bundles the worker only for production builds; in dev there is nothing to register.
	if (import.meta.env.DEV || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return inert;

	const wb = new Workbox(SERVICE_WORKER_URL, { type: 'classic' });
	let registration: ServiceWorkerRegistration | undefined;
	let updatePending = false;
	let reloading = false;

	wb.addEventListener('installed', (event) => {
		if (!event.isUpdate && !event.isExternal) handlers.onOfflineReady();
	});
	// Fires for our own update, for one another tab found (isExternal) and for one that was already
	// waiting when this page loaded.
	wb.addEventListener('waiting', () => {
		updatePending = true;
		handlers.onNeedRefresh();
	});
	// Every tab that saw the prompt follows the new worker, so no tab runs old code against the new
	// precache. The first install's clients.claim() also fires this, with no update pending: no reload.
	wb.addEventListener('controlling', () => {
		if (updatePending) void reload();
	});

	async function reload() {
		if (reloading) return;
		reloading = true;
		await handlers.beforeReload?.().catch(() => undefined);
		window.location.reload();
	}

	async function checkForUpdate() {
		if (!navigator.onLine) return;
		try {
			await wb.update();
		} catch {
			// Offline or the gateway is restarting: the next check tries again.
		}
	}

	function onVisibilityChange() {
		if (document.visibilityState === 'visible') void checkForUpdate();
	}

	const timer = setInterval(() => void checkForUpdate(), UPDATE_CHECK_INTERVAL_MS);
	document.addEventListener('visibilitychange', onVisibilityChange);
	wb.register().then(
		(registered) => (registration = registered),
		(error: unknown) => console.error('Service worker registration failed', error)
	);

	return {
		checkForUpdate,
		applyUpdate() {
			updatePending = true;
			// The waiting worker can be gone (another tab already applied it, or a newer one is
			// installing); a plain reload then picks up whatever is current.
			if (registration?.waiting) wb.messageSkipWaiting();
			else void reload();
		},
		close() {
			clearInterval(timer);
			document.removeEventListener('visibilitychange', onVisibilityChange);
		}
	};
}
