// Admin › Users › one user › Email, pure: what the admin typed as the address changeUserEmail takes
// (trimmed, lower case), refused before it leaves the device when it is no address or another user's.

import { ERRORS } from '../../../shared/errors.ts';
import { userSchema, type User } from '../../../shared/schema/identity-entities.ts';

export type EmailChange = { ok: true; email: string; changed: boolean } | { ok: false; message: string };

export function checkEmailChange(user: User, typed: string, users: readonly User[]): EmailChange {
	const parsed = userSchema.shape.email.safeParse(typed);
	if (!parsed.success) return { ok: false, message: 'Enter an email address such as name@example.com.' };
	const email = parsed.data;
	if (users.some((other) => other.id !== user.id && other.email === email))
		return { ok: false, message: ERRORS.emailTaken.message };
	return { ok: true, email, changed: email !== user.email };
}

/** What happens next, said once the change is saved on this device. */
export function emailChangedNotice(user: User, email: string): string {
	return (
		`Saved. When this device syncs, ${email} gets a link to verify it; until then ${user.name} cannot sign in ` +
		'with a password. The next Synchronize with your PSA matches them on this address.'
	);
}
