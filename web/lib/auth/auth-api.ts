// Calls to /api/auth, with every answer reduced to what the screens need to show.

import type { AccessRefusal } from '../../../shared/auth/access-refusal.ts';
import type { UserProfile } from '../../../shared/auth/user-profile.ts';
import { refusalOf, requestJson, type JsonRequest } from '../platform/json-request.ts';

export type AuthAnswer =
	| { kind: 'user'; user: UserProfile }
	| { kind: 'signed-out' }
	| { kind: 'refused'; code: string; message: string; access?: AccessRefusal }
	| { kind: 'unreachable' };

async function call(path: string, request?: JsonRequest): Promise<AuthAnswer> {
	const answer = await requestJson(`/api/auth/${path}`, request);
	if (!answer.reached) return { kind: 'unreachable' };
	if (answer.ok) {
		// The schemas (and zod) load only when there is a user to check: a first visit's sign-in page never needs them.
		const { userProfileSchema } = await import('../../../shared/auth/user-profile.ts');
		const user = userProfileSchema.safeParse((answer.body as { user?: unknown } | null)?.user);
		return user.success ? { kind: 'user', user: user.data as UserProfile } : { kind: 'signed-out' };
	}
	const refusal = refusalOf(answer.body);
	if (answer.status === 401 && refusal?.code === 'not_signed_in') return { kind: 'signed-out' };
	if (refusal)
		return { kind: 'refused', code: refusal.code, message: refusal.message, ...(await accessOf(answer.body)) };
	return { kind: 'unreachable' };
}

/** What a company-link refusal says about the account and whom to ask; nothing when it says nothing readable. */
async function accessOf(body: unknown): Promise<{ access?: AccessRefusal }> {
	const { accessRefusalSchema } = await import('../../../shared/auth/access-refusal.ts');
	const access = accessRefusalSchema.safeParse((body as { error?: { access?: unknown } } | null)?.error?.access);
	return access.success ? { access: access.data } : {};
}

export const authApi = {
	me: () => call('me'),
	login: (email: string, password: string) => call('login', { body: { email, password } }),
	logout: () => call('logout', { method: 'POST' })
};
