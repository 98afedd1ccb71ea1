// Mail bodies at rest: sealed with AES-256-GCM (WebCrypto) under a key derived from the credentials
// key (HKDF, so the two uses never share a key), bound to the sent_mail row so a sealed body cannot
// be moved to another message. Which bodies to seal is the mailer's decision.

export type MailSeal = {
	seal(mailId: string, body: string): Promise<string>;
	/** The body, or null when it was sealed under another key or tampered with. */
	open(mailId: string, sealed: string): Promise<string | null>;
};

export const SEALED_PREFIX = 'sealed:v1.';
const encoder = new TextEncoder();

export function isSealed(stored: string): boolean {
	return stored.startsWith(SEALED_PREFIX);
}

/** `keyBytes`: the 32-byte credentials key (CREDENTIALS_KEY or the key file). */
export async function createMailSeal(keyBytes: Uint8Array): Promise<MailSeal> {
	if (keyBytes.length !== 32) throw new Error('The credentials key must be 32 bytes.');
	const base = await crypto.subtle.importKey('raw', new Uint8Array(keyBytes), 'HKDF', false, ['deriveKey']);
	const key = await crypto.subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode('outpost sent_mail v1') },
		base,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
	return {
		async seal(mailId, body) {
			const iv = crypto.getRandomValues(new Uint8Array(12));
			const params = { name: 'AES-GCM', iv, additionalData: encoder.encode(mailId) };
			const sealed = new Uint8Array(await crypto.subtle.encrypt(params, key, encoder.encode(body)));
			return `${SEALED_PREFIX}${toBase64(iv)}.${toBase64(sealed)}`;
		},
		async open(mailId, stored) {
			const [iv, sealed] = stored.slice(SEALED_PREFIX.length).split('.');
			try {
				const params = { name: 'AES-GCM', iv: fromBase64(iv ?? ''), additionalData: encoder.encode(mailId) };
				return new TextDecoder().decode(await crypto.subtle.decrypt(params, key, fromBase64(sealed ?? '')));
			} catch {
				return null;
			}
		}
	};
}

/** Chunked: spreading a long body's bytes into one call would overflow the argument stack. */
function toBase64(bytes: Uint8Array): string {
	let text = '';
	for (let k = 0; k < bytes.length; k += 0x8000) text += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
	return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
	return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
