// Which OpenID Connect providers Outpost knows and how one is configured. A provider is enabled
// when the gateway was given its settings; nothing here talks to a provider.

import type { LoginMethod } from '../../../shared/schema/identity-entities.ts';

export const OIDC_PROVIDERS = ['google', 'microsoft'] as const satisfies readonly LoginMethod[];
export type OidcProviderName = (typeof OIDC_PROVIDERS)[number];

export const PROVIDER_LABELS = { google: 'Google', microsoft: 'Microsoft' } as const satisfies Record<
	OidcProviderName,
	string
>;

export type OidcProviderConfig = {
	/** The issuer identifier; discovery reads `<issuer>/.well-known/openid-configuration`. */
	issuer: string;
	clientId: string;
	clientSecret: string;
};

export type OidcProviderConfigs = Partial<Record<OidcProviderName, OidcProviderConfig>>;

export function isOidcProvider(value: string): value is OidcProviderName {
	return (OIDC_PROVIDERS as readonly string[]).includes(value);
}

/** Plain http is allowed only on the loopback interface: the sandbox's local provider and tests. */
export function isLoopbackHttp(url: URL): boolean {
	return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
