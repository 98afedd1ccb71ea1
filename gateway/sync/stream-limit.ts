// At most `max` poke streams per session in this process. A new stream closes the session's oldest
// rather than being refused: a browser keeps one stream (the leader tab's), so more are almost always
// streams whose client is gone (a reload, a sleeping device) and that the server has not noticed yet;
// refusing the new one would leave the tab in use without pokes while the dead ones hold the places.

export type StreamLimit = {
	/** Counts a stream of `key`; `evict` is called if a newer stream pushes it out. Returns its release. */
	admit(key: string, evict: () => void): () => void;
	size(key: string): number;
};

export function createStreamLimit(max: number): StreamLimit {
	const byKey = new Map<string, Array<() => void>>();
	return {
		admit(key, evict) {
			const streams = byKey.get(key) ?? [];
			byKey.set(key, streams);
			while (streams.length >= max) streams.shift()!();
			streams.push(evict);
			return () => {
				const at = streams.indexOf(evict);
				if (at >= 0) streams.splice(at, 1);
				if (streams.length === 0 && byKey.get(key) === streams) byKey.delete(key);
			};
		},
		size(key) {
			return byKey.get(key)?.length ?? 0;
		}
	};
}
