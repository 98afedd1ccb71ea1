// Calls to /api/auth, with every answer reduced to what the screens need to show.

import { userProfileSchema, type UserProfile } from '../../../shared/auth/user-profile.ts';

export type AuthAnswer =
	| { kind: 'user'; user: UserProfile }
	| { kind: 'signed-out' }
	| { kind: 'refused'; code: string; message: string }
	| { kind: 'unreachable' };

async function call(path: string, init?: RequestInit): Promise<AuthAnswer> {
	let response: Response;
	try {
		response = await fetch(`/api/auth/${path}`, { credentials: 'same-origin', ...init });
	} catch {
		return { kind: 'unreachable' };
	}
	const body = (await response.json().catch(() => null)) as {
		user?: unknown;
		error?: { code: string; message: string };
	} | null;
	if (response.ok) {
		const user = userProfileSchema.safeParse(body?.user);
		return user.success ? { kind: 'user', user: user.data as UserProfile } : { kind: 'signed-out' };
	}
	if (response.status === 401 && body?.error?.code === 'not_signed_in') return { kind: 'signed-out' };
	if (body?.error) return { kind: 'refused', code: body.error.code, message: body.error.message };
	return { kind: 'unreachable' };
}

export const authApi = {
	me: () => call('me'),
	login: (email: string, password: string) =>
		call('login', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email, password })
		}),
	logout: () => call('logout', { method: 'POST' })
};
