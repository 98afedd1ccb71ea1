// One signed-in user's replica: their IndexedDB database, local mutations, and (in the leader tab)
// the sync loop. Components read rows through live() and call mutate(); they never wait on the network.

import Dexie, { liveQuery } from 'dexie';
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../../shared/auth/permissions.ts';
import { DomainError } from '../../../shared/errors.ts';
import type { MutationArgs, MutationName } from '../../../shared/mutations/registry.ts';
import { holdLeadership } from '../platform/leader-lock.ts';
import { checkForEviction } from '../platform/eviction-check.ts';
import type { TabChannel } from '../platform/tab-channel.ts';
import { localDbName, openLocalDb, type LocalDb } from '../platform/local-db.ts';
import { openPokeStream } from '../platform/poke-stream.ts';
import { browserPlatform, type ReplicaPlatform } from '../platform/replica-platform.ts';
import { readMeta, writeMeta, type ConnectionState } from './local-meta.ts';
import { runLocalMutation, type LocalWriteOptions } from './local-mutation.ts';
import { rebuildTable } from './rebuild-table.ts';
import type { TableName } from '../../../shared/schema/tables.ts';
import { createSyncClient, ensureClientIdentity, SAFETY_PULL_MS, type SyncClient } from './sync-client.ts';

export type SyncStatus = {
	connection: ConnectionState;
	message: string | null;
	pending: number;
	lastSyncedAt: number | null;
	isLeader: boolean;
	/** The gateway speaks a newer protocol: only a reload (to the new version) can sync again. */
	reloadNeeded: boolean;
};

export type MutateResult = { ok: true } | { ok: false; code: string; message: string };

export class Replica {
	readonly db: LocalDb;
	readonly principal: Principal;
	status = $state<SyncStatus>({
		connection: 'connecting',
		message: null,
		pending: 0,
		lastSyncedAt: null,
		isLeader: false,
		reloadNeeded: false
	});
	/** The browser cleared this device's copy; it is being downloaded again. */
	evicted = $state(false);
	#sync: SyncClient | null = null;
	#cleanups: (() => void)[] = [];

	readonly #platform: ReplicaPlatform;
	#channel: TabChannel;
	#stopLeading: (() => void) | null = null;

	constructor(principal: Principal, platform: ReplicaPlatform = browserPlatform()) {
		this.principal = principal;
		this.#platform = platform;
		this.db = openLocalDb(localDbName(principal.orgId, principal.userId), platform.indexedDB);
		this.#channel = platform.openChannel(this.db.name, (message) => {
			if (message.type === 'signed-in') this.#sync?.resume();
			else this.#sync?.kick();
		});
		this.#watchStatus();
		void checkForEviction(this.db, platform.storage)
			.then((evicted) => (this.evicted = evicted))
			.catch(unlessClosed);
		this.#seekLeadership();
		// A frozen tab must not keep the lock: another tab takes over the sync until it resumes.
		const stopWatchingPage = platform.page.subscribe((event) => {
			if (event === 'freeze') this.#releaseLeadership();
			else if (event === 'resume') this.#seekLeadership();
			else this.syncNow();
		});
		this.#cleanups.push(
			stopWatchingPage,
			() => this.#releaseLeadership(),
			() => this.#channel.close()
		);
		void platform.persistStorage().catch(() => false);
	}

	async mutate<N extends MutationName>(
		name: N,
		args: MutationArgs<N>,
		options: LocalWriteOptions = {}
	): Promise<MutateResult> {
		try {
			await runLocalMutation(this.db, this.principal, name, args, Date.now(), options);
			this.#sync?.kick('write');
			return { ok: true };
		} catch (error) {
			if (error instanceof DomainError) return { ok: false, code: error.code, message: error.message };
			throw error;
		}
	}

	/** After the same user signs in again, in this tab or another: the leader's outbox drains. */
	resume(): void {
		this.#sync?.resume();
		this.#channel.post({ type: 'signed-in' });
	}

	/** Asks for a sync now, whichever tab leads. */
	syncNow(): void {
		if (this.#sync) this.#sync.kick();
		else this.#channel.post({ type: 'sync-now' });
	}

	/** Drops this device's copy of `table` and pulls it again; pending changes are kept and applied again. */
	async rebuildTable(table: TableName): Promise<void> {
		await rebuildTable(this.db, table, this.principal);
		this.syncNow();
	}

	async dismissRejection(clientID: string, mutationID: number): Promise<void> {
		await this.db.rejections.update([clientID, mutationID], { dismissed: 1 });
	}

	/** Stops syncing, waits for a sync step under way to end, then closes the database. */
	async close(): Promise<void> {
		const sync = this.#sync;
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
		await sync?.close();
		this.db.close();
	}

	#seekLeadership(): void {
		this.#stopLeading ??= holdLeadership(`outpost-sync:${this.db.name}`, () => this.#lead(), this.#platform.locks);
	}

	#releaseLeadership(): void {
		this.#stopLeading?.();
		this.#stopLeading = null;
	}

	#lead(): () => void {
		this.status.isLeader = true;
		let stopped = false;
		const stops: (() => void)[] = [];
		void ensureClientIdentity(this.db, uuidv7)
			.then((clientID) => {
				if (stopped) return;
				// The sync loop and the poke stream both rest while the device has no network.
				const { network, fetch, baseUrl = '' } = this.#platform;
				const sync = createSyncClient({
					db: this.db,
					clientID,
					clientGroupID: clientID,
					actor: this.principal,
					network,
					fetch,
					baseUrl,
					onState: (state, message, reload) =>
						void writeMeta(this.db, 'connection', { state, message, reload }).catch(unlessClosed)
				});
				this.#sync = sync;
				const kick = () => sync.kick();
				const interval = setInterval(kick, SAFETY_PULL_MS);
				// Writes from any tab land in the shared outbox; the leader pushes them.
				const outbox = liveQuery(() => this.db.outbox.count()).subscribe((n) => n > 0 && sync.kick('write'));
				stops.push(
					openPokeStream(`${baseUrl}/api/sync/events`, kick, { network, connect: this.#platform.connectPokes }),
					() => outbox.unsubscribe(),
					() => clearInterval(interval),
					() => void sync.close()
				);
				sync.kick();
			})
			.catch(unlessClosed);
		return () => {
			stopped = true;
			this.status.isLeader = false;
			this.#sync = null;
			for (const stop of stops.splice(0)) stop();
		};
	}

	#watchStatus(): void {
		const subscription = liveQuery(async () => ({
			pending: await this.db.outbox.count(),
			lastSyncedAt: await readMeta(this.db, 'lastSyncedAt', null),
			connection: await readMeta(this.db, 'connection', { state: 'connecting' as ConnectionState, message: null })
		})).subscribe((s) => {
			this.status.pending = s.pending;
			this.status.lastSyncedAt = s.lastSyncedAt;
			this.status.connection = s.connection.state;
			this.status.message = s.connection.message;
			this.status.reloadNeeded = s.connection.reload ?? false;
		});
		this.#cleanups.push(() => subscription.unsubscribe());
	}
}

/** Work started before the replica closed may find the database closed: nothing is lost then. */
function unlessClosed(error: unknown): void {
	if (!(error instanceof Dexie.DatabaseClosedError)) throw error;
}
