// The app's session: who is signed in, remembered on this device so the app starts offline, and
// that user's replica. An expired session keeps the replica working locally (needs-auth) until
// the same user signs in again. Signing out forgets the session on this device at once and ends
// it on the server as soon as the network allows; each user's database, outbox included, stays.

import type { AccessRefusal } from '../../../shared/auth/access-refusal.ts';
import { toPrincipal } from '../../../shared/auth/permissions.ts';
import type { UserProfile } from '../../../shared/auth/user-profile.ts';
import { browserNetworkStatus, type NetworkStatus } from '../platform/network-status.ts';
import type { ResetCheck } from '../sync/device-reset.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { authApi } from './auth-api.ts';
import { createPendingLogout, type PendingLogout } from './pending-logout.ts';

const CACHED_USER_KEY = 'outpost:user';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in' | 'blocked';

type SessionPlatform = {
	storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
	network: NetworkStatus;
	/** Starts the app again (after a reset of this device). */
	reload(): void;
};

export class Session {
	status = $state<SessionStatus>('loading');
	user = $state<UserProfile | null>(null);
	/** Why the gateway refuses this user (the company-link sentence, say). */
	blockedMessage = $state<string | null>(null);
	/** Which account is refused, for which cause, and whom to ask (from the same answer). */
	blockedAccess = $state<AccessRefusal | null>(null);
	/** The session expired: local work goes on, sync waits for a new sign-in. */
	needsSignIn = $state(false);
	replica = $state<Replica | null>(null);
	#openPlatform: () => SessionPlatform;
	#platform: SessionPlatform | null = null;
	#logout: PendingLogout | null = null;
	#watchingNetwork = false;
	/** Bumped whenever the replica changes hands, so a replica still loading for someone else is dropped. */
	#replicaTurn = 0;

	/** `platform` is asked for on first use, so the module loads where there is no browser. */
	constructor(platform: () => SessionPlatform = browserPlatform) {
		this.#openPlatform = platform;
	}

	get #storage(): SessionPlatform['storage'] {
		this.#platform ??= this.#openPlatform();
		return this.#platform.storage;
	}

	/** The server session still to be ended, kept in storage across reloads. */
	get #pendingLogout(): PendingLogout {
		this.#logout ??= createPendingLogout({
			storage: this.#storage,
			send: async () => (await authApi.logout()).kind !== 'unreachable'
		});
		return this.#logout;
	}

	/** Someone is remembered on this device, or their sign-out is still to reach the server. */
	get remembersSomeone(): boolean {
		return this.#storage.getItem(CACHED_USER_KEY) !== null || this.#pendingLogout.isPending();
	}

	async start(): Promise<void> {
		this.#platform ??= this.#openPlatform();
		if (!this.#watchingNetwork) {
			// For the app's lifetime: a sign-out made offline reaches the server when the signal returns.
			this.#watchingNetwork = true;
			this.#platform.network.subscribe((online) => {
				if (online) void this.#pendingLogout.flush();
			});
		}
		// Signed out while offline: that session must end before anything else talks to the gateway,
		// and until it has, nobody is signed in (the old cookie would sign the same user straight back in).
		// Without one, the cached user enters before the gateway is asked: a deep link opens offline.
		if (this.#pendingLogout.isPending() && !(await this.#pendingLogout.flush())) {
			this.status = 'signed-out';
			return;
		}
		const cached = await readCachedUser(this.#storage);
		if (cached) this.#enter(cached);
		const answer = await authApi.me();
		if (answer.kind === 'user') this.#enter(answer.user);
		else if (answer.kind === 'refused' && answer.code === 'company_link_required') this.#block(answer);
		else if (answer.kind === 'signed-out') {
			if (cached) this.needsSignIn = true;
			else this.status = 'signed-out';
		} else if (!cached) this.status = 'signed-out';
	}

	async signIn(email: string, password: string): Promise<{ ok: true } | { ok: false; code?: string; message: string }> {
		await this.prepareSignIn();
		const answer = await authApi.login(email, password);
		if (answer.kind === 'unreachable') {
			return { ok: false, message: 'Outpost cannot reach the server. Check your connection and try again.' };
		}
		if (answer.kind === 'refused') return { ok: false, code: answer.code, message: answer.message };
		if (answer.kind !== 'user') return { ok: false, message: 'Sign-in failed. Please try again.' };
		await this.adopt(answer.user);
		return { ok: true };
	}

	/**
	 * Before a sign-in replaces the session cookie: ends the old session if a sign-out is still
	 * pending. The marker goes either way, as a later logout would end the new session instead.
	 */
	async prepareSignIn(): Promise<void> {
		await this.#pendingLogout.flush();
		this.#pendingLogout.clear();
	}

	/** Takes on a session the gateway has just opened: from the sign-in form, an invitation or a reset link. */
	async adopt(user: UserProfile): Promise<void> {
		this.#pendingLogout.clear();
		const me = await authApi.me();
		if (me.kind === 'refused' && me.code === 'company_link_required') {
			this.user = user;
			this.#block(me);
			return;
		}
		this.#enter(user);
	}

	/**
	 * Signs out on this device at once, online or not. The user's database stays, with any changes
	 * not yet sent: they go when that user signs in here again. The server hears of it now, or when
	 * the network returns (resolves once it has, or could not).
	 */
	async signOut(): Promise<void> {
		this.#pendingLogout.mark();
		this.#storage.removeItem(CACHED_USER_KEY);
		this.#closeReplica();
		this.user = null;
		this.blockedMessage = null;
		this.blockedAccess = null;
		this.needsSignIn = false;
		this.status = 'signed-out';
		await this.#pendingLogout.flush();
	}

	/**
	 * Reset this device: deletes this account's copy here and the cached session, then starts the app
	 * again, which signs in with the server session still open and downloads everything afresh.
	 * Refused (nothing deleted) while a change waits to be sent that was not exported.
	 */
	async resetDevice(exportedThrough: number | null): Promise<ResetCheck> {
		const replica = this.replica;
		if (!replica) return { ok: false, unsent: 0, message: 'This device holds no copy to reset yet.' };
		this.#platform ??= this.#openPlatform();
		// Loaded here: it needs Dexie, which the sign-in page never loads.
		const { deleteReplica } = await import('../sync/reset-replica.ts');
		const result = await deleteReplica(replica, exportedThrough, { storage: this.#storage });
		if (result.ok) this.#storage.removeItem(CACHED_USER_KEY);
		// Refused after the replica stopped: starting again reopens it, outbox and all.
		if (result.ok || !replica.db.isOpen()) this.#platform.reload();
		return result;
	}

	#enter(user: UserProfile): void {
		const sameUser = this.user?.id === user.id && this.replica !== null;
		this.#storage.setItem(CACHED_USER_KEY, JSON.stringify(user));
		this.user = user;
		this.blockedMessage = null;
		this.blockedAccess = null;
		this.status = 'signed-in';
		this.needsSignIn = false;
		if (sameUser) {
			this.replica!.resume();
			return;
		}
		this.#closeReplica();
		const turn = this.#replicaTurn;
		// The replica (Dexie, the sync client, the mutations) loads after the first paint: the sign-in
		// page needs none of it. Every screen already waits for session.replica to be set.
		void loadReplica().then(
			(Replica) => {
				if (turn === this.#replicaTurn && this.status === 'signed-in') this.replica = new Replica(toPrincipal(user));
			},
			(error: unknown) => console.error('Outpost could not load its offline copy', error)
		);
	}

	#closeReplica(): void {
		this.#replicaTurn += 1;
		void this.replica?.close();
		this.replica = null;
	}

	#block(refusal: { message: string; access?: AccessRefusal }): void {
		this.#storage.removeItem(CACHED_USER_KEY);
		this.#closeReplica();
		this.blockedMessage = refusal.message;
		this.blockedAccess = refusal.access ?? null;
		this.status = 'blocked';
	}
}

let replicaCode: Promise<typeof Replica> | null = null;

function loadReplica(): Promise<typeof Replica> {
	replicaCode ??= import('../sync/replica.svelte.ts').then(
		(module) => module.Replica,
		(error: unknown) => {
			replicaCode = null;
			throw error;
		}
	);
	return replicaCode;
}

/**
 * When someone is remembered on this device, starts loading the replica's code (Dexie, the sync
 * client) as the app's first module runs: a warm start then fetches it beside the first screen's
 * code, not after the screen has mounted and the session has started.
 */
export function preloadReplica(storage: SessionPlatform['storage'] = localStorage): void {
	if (storage.getItem(CACHED_USER_KEY) === null) return;
	loadReplica().catch(() => {});
	loadProfileSchema().catch(() => {});
}

function browserPlatform(): SessionPlatform {
	return { storage: localStorage, network: browserNetworkStatus(), reload: () => location.reload() };
}

/** The profile's schema, and zod with it: loaded only when there is a remembered user to check. */
const loadProfileSchema = () =>
	import('../../../shared/auth/user-profile.ts').then((module) => module.userProfileSchema);

async function readCachedUser(storage: SessionPlatform['storage']): Promise<UserProfile | null> {
	const stored = storage.getItem(CACHED_USER_KEY);
	if (stored === null) return null;
	try {
		const parsed = (await loadProfileSchema()).safeParse(JSON.parse(stored));
		return parsed.success ? (parsed.data as UserProfile) : null;
	} catch {
		return null;
	}
}

export const session = new Session();
