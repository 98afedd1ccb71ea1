// The app's session: who is signed in, remembered on this device so the app starts offline, and
// that user's replica. An expired session keeps the replica working locally (needs-auth) until
// the same user signs in again.

import { toPrincipal, userProfileSchema, type UserProfile } from '../../../shared/auth/user-profile.ts';
import { Replica } from '../sync/replica.svelte.ts';
import { authApi } from './auth-api.ts';

const CACHED_USER_KEY = 'outpost:user';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in' | 'blocked';

export class Session {
	status = $state<SessionStatus>('loading');
	user = $state<UserProfile | null>(null);
	/** Why the gateway refuses this user (the company-link sentence, say). */
	blockedMessage = $state<string | null>(null);
	/** The session expired: local work goes on, sync waits for a new sign-in. */
	needsSignIn = $state(false);
	replica = $state<Replica | null>(null);

	async start(): Promise<void> {
		const cached = readCachedUser();
		if (cached) this.#enter(cached);
		const answer = await authApi.me();
		if (answer.kind === 'user') this.#enter(answer.user);
		else if (answer.kind === 'refused' && answer.code === 'company_link_required') this.#block(answer.message);
		else if (answer.kind === 'signed-out') {
			if (cached) this.needsSignIn = true;
			else this.status = 'signed-out';
		} else if (!cached) this.status = 'signed-out';
	}

	async signIn(email: string, password: string): Promise<{ ok: true } | { ok: false; code?: string; message: string }> {
		const answer = await authApi.login(email, password);
		if (answer.kind === 'unreachable') {
			return { ok: false, message: 'Outpost cannot reach the server. Check your connection and try again.' };
		}
		if (answer.kind === 'refused') return { ok: false, code: answer.code, message: answer.message };
		if (answer.kind !== 'user') return { ok: false, message: 'Sign-in failed. Please try again.' };
		await this.adopt(answer.user);
		return { ok: true };
	}

	/** Takes on a session the gateway has just opened: from the sign-in form, an invitation or a reset link. */
	async adopt(user: UserProfile): Promise<void> {
		const me = await authApi.me();
		if (me.kind === 'refused' && me.code === 'company_link_required') {
			this.user = user;
			this.#block(me.message);
			return;
		}
		this.#enter(user);
	}

	async signOut(): Promise<void> {
		await authApi.logout();
		localStorage.removeItem(CACHED_USER_KEY);
		this.replica?.close();
		this.replica = null;
		this.user = null;
		this.blockedMessage = null;
		this.needsSignIn = false;
		this.status = 'signed-out';
	}

	#enter(user: UserProfile): void {
		const sameUser = this.user?.id === user.id && this.replica !== null;
		localStorage.setItem(CACHED_USER_KEY, JSON.stringify(user));
		this.user = user;
		this.blockedMessage = null;
		this.status = 'signed-in';
		this.needsSignIn = false;
		if (sameUser) {
			this.replica!.resume();
			return;
		}
		this.replica?.close();
		this.replica = new Replica(toPrincipal(user));
	}

	#block(message: string): void {
		localStorage.removeItem(CACHED_USER_KEY);
		this.replica?.close();
		this.replica = null;
		this.blockedMessage = message;
		this.status = 'blocked';
	}
}

function readCachedUser(): UserProfile | null {
	try {
		const parsed = userProfileSchema.safeParse(JSON.parse(localStorage.getItem(CACHED_USER_KEY) ?? 'null'));
		return parsed.success ? (parsed.data as UserProfile) : null;
	} catch {
		return null;
	}
}

export const session = new Session();
