// The security headers on every response, the API's and the served PWA's (OWASP secure headers).
// Content-Security-Policy: the built pages carry their own <meta> policy that lets exactly the
// bootstrap script's hash run (kit.csp in svelte.config.js); a script must pass both policies, so
// 'unsafe-inline' here only defers inline scripts to that hash list. This header adds what a <meta>
// cannot say (frame-ancestors) and holds everything else to this origin. Inline style attributes stay
// allowed: SvelteKit renders some (display: contents) and they cannot run code.

import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export function securityHeaders(publicUrl = 'http://localhost:8787'): MiddlewareHandler {
	const https = new URL(publicUrl).protocol === 'https:';
	return secureHeaders({
		contentSecurityPolicy: {
			defaultSrc: ["'self'"],
			scriptSrc: ["'self'", "'unsafe-inline'"],
			styleSrc: ["'self'", "'unsafe-inline'"],
			imgSrc: ["'self'", 'data:', 'blob:'],
			connectSrc: ["'self'"],
			workerSrc: ["'self'"],
			manifestSrc: ["'self'"],
			objectSrc: ["'none'"],
			baseUri: ["'self'"],
			formAction: ["'self'"],
			frameAncestors: ["'none'"]
		},
		xFrameOptions: 'DENY',
		// Chromium already keys agent clusters by origin; the explicit header adds nothing a page can see,
		// but beside COOP no navigation to the app reuses the renderer's in-memory copies of its scripts
		// and their compiled code, so a reload compiled the whole app again (docs/adr/0002).
		originAgentCluster: false,
		referrerPolicy: 'no-referrer',
		// Only behind https: over plain http (the sandbox on localhost) a browser ignores it anyway,
		// and a pinned https on a host that serves none would lock people out.
		strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false
	});
}
