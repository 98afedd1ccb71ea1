// Whether a person whose credentials checked out may sign in, and if not, which rule refused them
// (seeds: email verified, login not disabled, the method allowed, MSP domains need an invitation).

import { ERRORS } from '../../shared/errors.ts';
import type { AuthSettings, LoginMethod, User } from '../../shared/schema/identity-entities.ts';

export type SignInVerdict = { ok: true } | { ok: false; code: string; message: string };

const METHOD_NAMES: Record<LoginMethod, string> = { password: 'password', google: 'Google', microsoft: 'Microsoft' };

export function checkSignIn(
	user: Pick<User, 'email' | 'loginDisabled' | 'loginMethods' | 'invitedAt'>,
	emailVerified: boolean,
	method: LoginMethod,
	settings: Pick<AuthSettings, 'mspDomains'> | undefined
): SignInVerdict {
	if (user.loginDisabled) return { ok: false, ...ERRORS.loginDisabled };
	if (!user.loginMethods.includes(method)) {
		const allowed = user.loginMethods.map((m) => METHOD_NAMES[m]).join(' or ');
		return {
			ok: false,
			code: ERRORS.loginMethodNotAllowed.code,
			message: `Signing in with ${METHOD_NAMES[method]} is not allowed for your account. Use ${allowed} instead.`
		};
	}
	if (user.invitedAt === null && isMspAddress(user.email, settings?.mspDomains ?? [])) {
		return { ok: false, ...ERRORS.notInvited };
	}
	if (!emailVerified) return { ok: false, ...ERRORS.emailNotVerified };
	return { ok: true };
}

export function isMspAddress(email: string, mspDomains: readonly string[]): boolean {
	const domain = email.trim().toLowerCase().split('@')[1] ?? '';
	return mspDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}
