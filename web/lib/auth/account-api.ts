// Calls to the account-link routes (invitation, email verification, password reset), each answer
// checked and reduced to what the screens show: a value, or a code with a sentence to display.

import { z } from 'zod';
import { invitationAnswerSchema } from '../../../shared/auth/account-links.ts';
import { userProfileSchema, type UserProfile } from '../../../shared/auth/user-profile.ts';
import { refusalOf, requestJson } from '../platform/json-request.ts';

export type AccountAnswer<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
export type Invitation = z.infer<typeof invitationAnswerSchema>['invitation'];

const UNREACHABLE = {
	ok: false,
	code: 'unreachable',
	message: 'Outpost cannot reach the server. Check your connection and try again.'
} as const;
const UNEXPECTED = { ok: false, code: 'unexpected', message: 'Something went wrong. Please try again.' } as const;

const signedInSchema = z.object({ user: userProfileSchema });

async function call<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<AccountAnswer<z.infer<S>>> {
	const answer = await requestJson(`/api/auth/${path}`, { body });
	if (!answer.reached) return UNREACHABLE;
	if (!answer.ok) {
		const refusal = refusalOf(answer.body);
		return refusal ? { ok: false, code: refusal.code, message: refusal.message } : UNEXPECTED;
	}
	const parsed = schema.safeParse(answer.body);
	return parsed.success ? { ok: true, value: parsed.data } : UNEXPECTED;
}

async function signIn(path: string, password: string): Promise<AccountAnswer<UserProfile>> {
	const answer = await call(path, { password }, signedInSchema);
	return answer.ok ? { ok: true, value: answer.value.user as UserProfile } : answer;
}

const accepted = z.unknown();
const segment = (token: string) => encodeURIComponent(token);

export const accountApi = {
	async invitation(token: string): Promise<AccountAnswer<Invitation>> {
		const answer = await call(`invitation/${segment(token)}`, undefined, invitationAnswerSchema);
		return answer.ok ? { ok: true, value: answer.value.invitation } : answer;
	},
	acceptInvitation: (token: string, password: string) => signIn(`invitation/${segment(token)}`, password),
	verifyEmail: (token: string) => call(`verify-email/${segment(token)}`, {}, accepted),
	resendVerification: (email: string) => call('verify-email/resend', { email }, accepted),
	requestPasswordReset: (email: string) => call('password-reset', { email }, accepted),
	resetPassword: (token: string, password: string) => signIn(`password-reset/${segment(token)}`, password)
};
