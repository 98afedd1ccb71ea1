// What a new password must be, checked by the form as you type and by the gateway for real.
// Length only, as NIST SP 800-63B advises: no composition rules, a generous maximum.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1_000;

/** Counts characters as people do (code points), not UTF-16 units. */
export function isLongEnough(password: string): boolean {
	return [...password].length >= PASSWORD_MIN_LENGTH;
}
