// PSA credentials at rest: sealed with AES-256-GCM (WebCrypto) under a key the gateway is given, bound
// to their organisation and provider so a sealed value cannot be replayed into another row.

import type { Store } from '../store/store.ts';

export type CredentialVault = {
	save(orgId: string, provider: string, credentials: unknown, now: number): Promise<void>;
	/** The decrypted credentials, or null when none are saved. */
	open(orgId: string, provider: string): Promise<unknown>;
	remove(orgId: string, provider: string): Promise<void>;
};

const encoder = new TextEncoder();
/** Chunked: spreading every byte into one fromCharCode call overflows the stack past ~100 kB. */
function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** `keyBytes`: 32 random bytes, kept outside the store (a file in the data directory, or an env variable). */
export async function createCredentialVault(store: Store, keyBytes: Uint8Array): Promise<CredentialVault> {
	if (keyBytes.length !== 32) throw new Error('The credentials key must be 32 bytes.');
	const key = await crypto.subtle.importKey('raw', new Uint8Array(keyBytes), 'AES-GCM', false, ['encrypt', 'decrypt']);
	const aad = (orgId: string, provider: string) => encoder.encode(`${orgId}/${provider}`);
	return {
		async save(orgId, provider, credentials, now) {
			const iv = crypto.getRandomValues(new Uint8Array(12));
			const sealed = new Uint8Array(
				await crypto.subtle.encrypt(
					{ name: 'AES-GCM', iv, additionalData: aad(orgId, provider) },
					key,
					encoder.encode(JSON.stringify(credentials))
				)
			);
			const ciphertext = `v1.${toBase64(iv)}.${toBase64(sealed)}`;
			await store.db
				.insertInto('integration_credentials')
				.values({ org_id: orgId, provider, ciphertext, updated_at: now })
				.onConflict((oc) => oc.columns(['org_id', 'provider']).doUpdateSet({ ciphertext, updated_at: now }))
				.execute();
		},
		async open(orgId, provider) {
			const row = await store.db
				.selectFrom('integration_credentials')
				.select('ciphertext')
				.where('org_id', '=', orgId)
				.where('provider', '=', provider)
				.executeTakeFirst();
			if (!row) return null;
			const [, iv, sealed] = row.ciphertext.split('.');
			const plain = await crypto.subtle.decrypt(
				{ name: 'AES-GCM', iv: fromBase64(iv ?? ''), additionalData: aad(orgId, provider) },
				key,
				fromBase64(sealed ?? '')
			);
			return JSON.parse(new TextDecoder().decode(plain));
		},
		async remove(orgId, provider) {
			await store.db
				.deleteFrom('integration_credentials')
				.where('org_id', '=', orgId)
				.where('provider', '=', provider)
				.execute();
		}
	};
}
