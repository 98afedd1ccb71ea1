// Keeps a fuzzed gateway off the network: while installed, every fetch that is not to the gateway
// under test fails at once as an unreachable host would, and its URL is recorded, so a test can
// check where the gateway tried to go (loopback, private and link-local addresses among them).

export type OutboundGuard = { readonly attempts: URL[]; uninstall(): void };

export function installOutboundGuard(allowedOrigin: () => string | null): OutboundGuard {
	const original = globalThis.fetch;
	const attempts: URL[] = [];
	globalThis.fetch = (input, init) => {
		const url = new URL(input instanceof Request ? input.url : String(input));
		if (url.origin === allowedOrigin()) return original(input, init);
		attempts.push(url);
		return Promise.reject(new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }));
	};
	return {
		attempts,
		uninstall() {
			globalThis.fetch = original;
		}
	};
}

/** Loopback, private (RFC 1918, RFC 4193), link-local and unspecified hosts: never a PSA's address. */
export function isInternalHost(url: URL): boolean {
	const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	if (/^(0|127|10)\./.test(host) || /^169\.254\./.test(host) || /^192\.168\./.test(host)) return true;
	if (/^172\.(1[6-9]|2\d|3[01])\./.test(host)) return true;
	if (host === '::' || host === '::1' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host))
		return true;
	return /^::ffff:/.test(host);
}
