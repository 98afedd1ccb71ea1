// What the sync indicator says for a given status: a short label, a tone, an icon (so the state is
// never told by colour alone, WCAG 1.4.1) and a longer detail.

import type { SyncStatus } from '$lib/sync/replica.svelte.ts';

export type SyncIcon = 'synced' | 'syncing' | 'offline' | 'problem';
export type SyncStatusView = { label: string; tone: 'ok' | 'warn' | 'bad' | 'idle'; icon: SyncIcon; detail: string };

export function describeSyncStatus(status: SyncStatus, now: number): SyncStatusView {
	const synced = status.lastSyncedAt === null ? 'Never synced' : `Last synced ${timeAgo(now - status.lastSyncedAt)}`;
	switch (status.connection) {
		case 'connected':
			return status.pending > 0
				? { label: 'Syncing…', tone: 'ok', icon: 'syncing', detail: synced }
				: { label: 'Synced', tone: 'ok', icon: 'synced', detail: synced };
		case 'connecting':
			return { label: 'Connecting…', tone: 'idle', icon: 'syncing', detail: synced };
		case 'offline':
			return {
				label: 'Offline',
				tone: 'warn',
				icon: 'offline',
				detail: `${synced}. Changes are kept on this device and sync when you are back online.`
			};
		case 'needs-auth':
			return { label: 'Sign in to sync', tone: 'warn', icon: 'problem', detail: status.message ?? synced };
		case 'error':
			return { label: 'Sync problem', tone: 'bad', icon: 'problem', detail: status.message ?? synced };
	}
}

/** "just now", "5 min ago", "2 h ago", "3 days ago". */
export function timeAgo(ms: number): string {
	if (ms < 60_000) return 'just now';
	const minutes = Math.round(ms / 60_000);
	if (minutes < 60) return `${minutes} min ago`;
	const hours = Math.round(minutes / 60);
	if (hours < 48) return `${hours} h ago`;
	return `${Math.round(hours / 24)} days ago`;
}
