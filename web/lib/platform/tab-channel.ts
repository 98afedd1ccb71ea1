// Messages between the tabs of one user database (BroadcastChannel). Followers ask the leader to
// sync or to resume after a sign-in; data itself travels through IndexedDB, never this channel.

export type TabMessage = { type: 'sync-now' } | { type: 'signed-in' };

export type TabChannel = { post(message: TabMessage): void; close(): void };

export function openTabChannel(name: string, onMessage: (message: TabMessage) => void): TabChannel {
	if (typeof BroadcastChannel === 'undefined') return { post: () => {}, close: () => {} };
	const channel = new BroadcastChannel(`outpost:${name}`);
	channel.onmessage = (event: MessageEvent) => {
		const type = (event.data as { type?: unknown } | null)?.type;
		if (type === 'sync-now' || type === 'signed-in') onMessage({ type });
	};
	return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}
