// The gateway's poke stream (Server-Sent Events). The browser's EventSource reconnects by itself;
// when it gives up (a refused stream is CLOSED) we reopen it after a pause.

export function openPokeStream(url: string, onPoke: () => void, reopenAfterMs = 5_000): () => void {
	let source: EventSource | null = null;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let closed = false;

	function open() {
		if (closed || typeof EventSource === 'undefined') return;
		source = new EventSource(url, { withCredentials: true });
		source.addEventListener('poke', onPoke);
		// Every (re)connection may have missed pokes, so it is itself a reason to pull.
		source.addEventListener('hello', onPoke);
		source.onerror = () => {
			if (source?.readyState === EventSource.CLOSED) {
				source = null;
				timer = setTimeout(open, reopenAfterMs);
			}
		};
	}

	open();
	return () => {
		closed = true;
		if (timer !== null) clearTimeout(timer);
		source?.close();
	};
}
