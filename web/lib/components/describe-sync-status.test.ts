import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '$lib/sync/replica.svelte.ts';
import { describeSyncStatus } from './describe-sync-status.ts';

const base: SyncStatus = {
	connection: 'connected',
	message: null,
	pending: 0,
	lastSyncedAt: 0,
	isLeader: true,
	reloadNeeded: false
};

describe('describeSyncStatus', () => {
	it('says Synced with nothing waiting', () => {
		expect(describeSyncStatus(base, 1_000).label).toBe('Synced');
	});

	it('says Syncing… while changes are on their way', () => {
		expect(describeSyncStatus({ ...base, pending: 2 }, 1_000).label).toBe('Syncing…');
	});

	it('names an icon for every state, so the words never stand alone on colour', () => {
		expect(describeSyncStatus({ ...base, connection: 'offline' }, 1_000).icon).toBe('offline');
	});

	it('says Connecting… while it connects', () => {
		expect(describeSyncStatus({ ...base, connection: 'connecting' }, 1_000).label).toBe('Connecting…');
	});
});
