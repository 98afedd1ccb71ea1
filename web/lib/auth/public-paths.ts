// The screens a signed-out visitor may open: the sign-in page and the pages that mailed links lead
// to (invitation, email verification, password reset). Everything else sends them to sign in.

const PUBLIC_PATTERNS = [/^\/$/, /^\/invite\/[^/]+\/?$/, /^\/verify\/[^/]+\/?$/, /^\/reset\/?$/, /^\/reset\/[^/]+\/?$/];

export function isPublicPath(pathname: string): boolean {
	return PUBLIC_PATTERNS.some((pattern) => pattern.test(pathname));
}

/**
 * Whether a screen may show before the session has started: the sign-in page, on a device that
 * remembers nobody, has nobody to wait for (its first paint then needs no round trip). A cookie
 * alone (an OIDC landing) still signs in and moves on once the gateway answers.
 */
export function rendersBeforeSession(pathname: string, remembersSomeone: boolean): boolean {
	return pathname === '/' && !remembersSomeone;
}
