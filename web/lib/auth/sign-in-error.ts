// The sentence for the ?signin_error=<code> a Google or Microsoft sign-in comes back with. The URL
// only picks from this fixed table and names methods from a fixed list; it never supplies text.

import { ERRORS } from '../../../shared/errors.ts';
import type { LoginMethod } from '../../../shared/schema/identity-entities.ts';

// Every method, by its type; the sign-in page reads these before zod (and the entity schemas) have loaded.
const METHOD_NAMES: Record<LoginMethod, string> = { password: 'password', google: 'Google', microsoft: 'Microsoft' };
const isLoginMethod = (value: string | null): value is LoginMethod =>
	value !== null && Object.hasOwn(METHOD_NAMES, value);

const MESSAGES = new Map<string, string>(
	[
		ERRORS.providerSignInFailed,
		ERRORS.providerEmailNotVerified,
		ERRORS.unknownAccount,
		ERRORS.loginDisabled,
		ERRORS.emailNotVerified,
		ERRORS.loginMethodNotAllowed,
		ERRORS.notInvited
	].map((e) => [e.code, e.message])
);

export function describeSignInError(query: URLSearchParams): string | null {
	const code = query.get('signin_error');
	if (code === null) return null;
	if (code === ERRORS.loginMethodNotAllowed.code) {
		const method = query.get('method');
		const allowed = (query.get('allowed') ?? '').split(',').filter(isLoginMethod);
		// The sentence a password sign-in gets from the gateway's sign-in policy, from the same parts.
		if (isLoginMethod(method) && allowed.length) {
			const use = [...new Set(allowed)].map((m) => METHOD_NAMES[m]).join(' or ');
			return `Signing in with ${METHOD_NAMES[method]} is not allowed for your account. Use ${use} instead.`;
		}
	}
	return MESSAGES.get(code) ?? null;
}
