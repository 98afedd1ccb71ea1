// Reads a poke stream (/api/sync/events) as a browser would hold it open: the events so far, and
// whether the server has ended it.

import type { HttpClient } from './http-harness.ts';

export type OpenStream = {
	/** The response's headers (which replica answered, behind a load balancer). */
	readonly headers: Headers;
	/** Event names received so far, in order (keep-alives left out). */
	readonly events: string[];
	/** Resolves when the server ends the stream. */
	readonly ended: Promise<void>;
	/** Resolves once `count` events named `name` have arrived. */
	until(name: string, count?: number): Promise<void>;
	close(): void;
};

export async function openEventStream(baseUrl: string, client: HttpClient): Promise<OpenStream> {
	const abort = new AbortController();
	const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	const response = await fetch(`${baseUrl}/api/sync/events`, { headers: { cookie }, signal: abort.signal });
	if (response.status !== 200) throw new Error(`events answered ${response.status}`);
	const events: string[] = [];
	const waiters: Array<() => void> = [];
	const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
	const ended = (async () => {
		let buffered = '';
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) return;
				buffered += value;
				let end: number;
				while ((end = buffered.indexOf('\n\n')) >= 0) {
					const name = /^event: (.*)$/m.exec(buffered.slice(0, end))?.[1];
					buffered = buffered.slice(end + 2);
					if (name) events.push(name);
					for (const wake of waiters.splice(0)) wake();
				}
			}
		} catch {
			// Aborted by close().
		} finally {
			for (const wake of waiters.splice(0)) wake();
		}
	})();
	let finished = false;
	void ended.then(() => (finished = true));
	return {
		headers: response.headers,
		events,
		ended,
		async until(name, count = 1) {
			while (events.filter((e) => e === name).length < count) {
				if (finished) throw new Error(`the stream ended before ${count} × ${name}: ${events.join(', ')}`);
				await new Promise<void>((resolve) => waiters.push(resolve));
			}
		},
		close: () => abort.abort()
	};
}
