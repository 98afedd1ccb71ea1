// The screens a signed-out visitor may open: the sign-in page and the pages that mailed links lead
// to (invitation, email verification, password reset). Everything else sends them to sign in.

const PUBLIC_PATTERNS = [/^\/$/, /^\/invite\/[^/]+\/?$/, /^\/verify\/[^/]+\/?$/, /^\/reset\/?$/, /^\/reset\/[^/]+\/?$/];

export function isPublicPath(pathname: string): boolean {
	return PUBLIC_PATTERNS.some((pattern) => pattern.test(pathname));
}
