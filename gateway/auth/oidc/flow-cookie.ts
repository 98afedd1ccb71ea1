// The sign-in in progress between /start and /callback (state, nonce, PKCE verifier, where to go
// afterwards) sealed into a short-lived cookie with HMAC-SHA-256, so the browser holds it but cannot
// forge or alter it. The key comes from the provider's client secret, so every replica shares it.

import { z } from 'zod';
import { OIDC_PROVIDERS, type OidcProviderName } from './oidc-providers.ts';

export const FLOW_LIFETIME_MS = 10 * 60_000;

const flowSchema = z.object({
	provider: z.enum(OIDC_PROVIDERS),
	state: z.string().min(1),
	nonce: z.string().min(1),
	verifier: z.string().min(43).max(128),
	returnTo: z.string().startsWith('/'),
	expiresAt: z.number().int()
});

export type Flow = z.infer<typeof flowSchema>;

export type FlowSealer = {
	seal(flow: Flow): Promise<string>;
	/** The flow when the value is intact and not yet expired, else null. */
	open(value: string, now: number): Promise<Flow | null>;
};

export function flowCookieName(provider: OidcProviderName): string {
	return `outpost_oidc_${provider}`;
}

/** Only the provider's own callback ever receives its cookie. */
export function flowCookiePath(provider: OidcProviderName): string {
	return `/api/auth/oidc/${provider}`;
}

export function createFlowSealer(secret: string): FlowSealer {
	const key = deriveKey(secret);
	return {
		async seal(flow) {
			const payload = toBase64Url(new TextEncoder().encode(JSON.stringify(flow)));
			const signature = await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(payload));
			return `${payload}.${toBase64Url(new Uint8Array(signature))}`;
		},
		async open(value, now) {
			const [payload, signature, extra] = value.split('.');
			if (!payload || !signature || extra !== undefined) return null;
			const bytes = fromBase64Url(signature);
			if (!bytes) return null;
			const intact = await crypto.subtle.verify('HMAC', await key, bytes, new TextEncoder().encode(payload));
			if (!intact) return null;
			const decoded = fromBase64Url(payload);
			const flow = decoded ? flowSchema.safeParse(parseJson(new TextDecoder().decode(decoded))) : null;
			return flow?.success && flow.data.expiresAt > now ? flow.data : null;
		}
	};
}

async function deriveKey(secret: string): Promise<CryptoKey> {
	const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'HKDF', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{
			name: 'HKDF',
			hash: 'SHA-256',
			salt: new Uint8Array(),
			info: new TextEncoder().encode('outpost oidc flow cookie')
		},
		material,
		{ name: 'HMAC', hash: 'SHA-256', length: 256 },
		false,
		['sign', 'verify']
	);
}

function toBase64Url(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
	try {
		return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
	} catch {
		return null;
	}
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}
