// The sign-in providers the gateway has enabled (Google, Microsoft) and the address that starts a
// sign-in with one. Offline, or on any answer that does not fit, there are none: the password form stays.

import { z } from 'zod';
import { loginMethod } from '../../../shared/schema/identity-entities.ts';
import { requestJson } from '../platform/json-request.ts';

const providersAnswer = z.object({
	providers: z.array(z.object({ id: loginMethod.exclude(['password']), name: z.string().min(1).max(40) }))
});

export type OidcProvider = z.infer<typeof providersAnswer>['providers'][number];

export async function fetchOidcProviders(): Promise<OidcProvider[]> {
	const answer = await requestJson('/api/auth/oidc/providers');
	if (!answer.reached || !answer.ok) return [];
	const providers = providersAnswer.safeParse(answer.body);
	return providers.success ? providers.data.providers : [];
}

/** The gateway's start route; the typed email goes along as login_hint so the provider can preselect it. */
export function oidcStartUrl(provider: OidcProvider['id'], email: string, returnTo?: string): string {
	const query = new URLSearchParams();
	if (email.trim()) query.set('login_hint', email.trim());
	if (returnTo) query.set('return_to', returnTo);
	return `/api/auth/oidc/${provider}/start${query.size ? `?${query}` : ''}`;
}
