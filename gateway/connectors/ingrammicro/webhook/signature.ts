// Ingram Micro's webhook signature (developer.ingrammicro.com, "How to use webhook secret key"): the
// `X-Hub-Signature` header is HMAC-SHA512 of the event's `eventId` (UTF-8) under the webhook's secret
// key, Base64 encoded (Ingram's sample notes hex would do as well, so 128 hex digits are read too).
// Only the event id is signed, not the body: see ../README.md (webhooks) for what that leaves open.

export const SIGNATURE_HEADER = 'x-hub-signature';

const encoder = new TextEncoder();
const SIGNATURE_BYTES = 64;

const hmacKey = (secret: string, usage: 'sign' | 'verify') =>
	crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-512' }, false, [usage]);

/** What Ingram sends for this event (the simulator signs its deliveries with it). */
export async function signEvent(secret: string, eventId: string): Promise<string> {
	const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), encoder.encode(eventId)));
	let binary = '';
	for (const byte of mac) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/** The header's 64 bytes, or null when it is neither Base64 nor hex of that length. */
function signatureBytes(header: string): Uint8Array<ArrayBuffer> | null {
	const text = header.trim().replace(/^sha512=/i, '');
	if (/^[0-9a-f]{128}$/i.test(text)) return Uint8Array.from(text.match(/../g)!, (h) => parseInt(h, 16));
	if (!/^[A-Za-z0-9+/]{86}==$/.test(text)) return null;
	return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** Constant time (WebCrypto's verify); a missing or malformed header is false like a wrong one. */
export async function verifyEvent(secret: string, eventId: string, header: string | undefined): Promise<boolean> {
	const given = header === undefined ? null : signatureBytes(header);
	const key = await hmacKey(secret, 'verify');
	// A malformed header is still checked, against zeros, so its answer takes as long as a wrong one's.
	const ok = await crypto.subtle.verify('HMAC', key, given ?? new Uint8Array(SIGNATURE_BYTES), encoder.encode(eventId));
	return ok && given !== null;
}
