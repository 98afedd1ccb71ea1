// The gateway's poke stream (Server-Sent Events): a poke, or a (re)connection that may have missed
// some, asks the sync loop to pull. It reconnects itself, with backoff, and not at all while the
// device has no network; a failed reconnection never pokes. It knows nothing of what a pull does.

import { backoffDelay } from '../sync/backoff.ts';
import type { NetworkStatus } from './network-status.ts';

/** The part of EventSource the stream uses. */
export type EventSourceLike = {
	addEventListener(type: 'hello' | 'poke' | 'error', listener: () => void): void;
	close(): void;
};

export type PokeStreamOptions = {
	network: NetworkStatus;
	/** Opens the EventSource; null where the browser has none. */
	connect?: (url: string) => EventSourceLike | null;
	random?: () => number;
};

export function openPokeStream(url: string, onPoke: () => void, options: PokeStreamOptions): () => void {
	const { network } = options;
	const connect = options.connect ?? browserEventSource;
	const random = options.random ?? Math.random;
	let source: EventSourceLike | null = null;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let attempt = 0;
	let closed = false;

	function open() {
		timer = null;
		if (closed || source || !network.isOnline()) return;
		const opened = connect(url);
		if (!opened) return;
		source = opened;
		opened.addEventListener('poke', onPoke);
		opened.addEventListener('hello', () => {
			attempt = 0;
			onPoke();
		});
		// The browser would retry by itself every few seconds, forever; we close and pace it instead.
		opened.addEventListener('error', () => {
			if (source !== opened) return;
			drop();
			if (network.isOnline()) timer = setTimeout(open, backoffDelay(attempt++, random()));
		});
	}

	function drop() {
		source?.close();
		source = null;
		if (timer !== null) clearTimeout(timer);
		timer = null;
	}

	const stopWatching = network.subscribe((online) => {
		drop();
		if (online) {
			attempt = 0;
			open();
		}
	});

	open();
	return () => {
		closed = true;
		stopWatching();
		drop();
	};
}

function browserEventSource(url: string): EventSourceLike | null {
	if (typeof EventSource === 'undefined') return null;
	return new EventSource(url, { withCredentials: true });
}
