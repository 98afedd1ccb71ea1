// The sign-in providers the gateway has enabled (Google, Microsoft) and the address that starts a
// sign-in with one. Offline, or on any answer that does not fit, there are none: the password form stays.
// Checked by hand, not with zod: the sign-in form asks for them on a first visit, which loads no zod.

import type { LoginMethod } from '../../../shared/schema/identity-entities.ts';
import { requestJson } from '../platform/json-request.ts';

type ProviderId = Exclude<LoginMethod, 'password'>;
export type OidcProvider = { id: ProviderId; name: string };

const PROVIDER_IDS: Record<ProviderId, true> = { google: true, microsoft: true };
const NAME_LENGTH = { min: 1, max: 40 };

function isProvider(value: unknown): value is OidcProvider {
	const { id, name } = (value ?? {}) as { id?: unknown; name?: unknown };
	return (
		typeof id === 'string' &&
		Object.hasOwn(PROVIDER_IDS, id) &&
		typeof name === 'string' &&
		name.length >= NAME_LENGTH.min &&
		name.length <= NAME_LENGTH.max
	);
}

/** The providers in the gateway's `{ providers: [{ id, name }] }`; none unless every entry fits. */
export function readProviders(body: unknown): OidcProvider[] {
	const providers = (body as { providers?: unknown } | null)?.providers;
	if (!Array.isArray(providers) || !providers.every(isProvider)) return [];
	return providers.map(({ id, name }) => ({ id, name }));
}

export async function fetchOidcProviders(): Promise<OidcProvider[]> {
	const answer = await requestJson('/api/auth/oidc/providers');
	return answer.reached && answer.ok ? readProviders(answer.body) : [];
}

/** The gateway's start route; the typed email goes along as login_hint so the provider can preselect it. */
export function oidcStartUrl(provider: OidcProvider['id'], email: string, returnTo?: string): string {
	const query = new URLSearchParams();
	if (email.trim()) query.set('login_hint', email.trim());
	if (returnTo) query.set('return_to', returnTo);
	return `/api/auth/oidc/${provider}/start${query.size ? `?${query}` : ''}`;
}
