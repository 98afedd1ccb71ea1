// A short fingerprint of what was last sent for a record, so a re-sync skips the ones that did not change.

export function contentHash(value: unknown): string {
	const text = JSON.stringify(value);
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return `${(hash >>> 0).toString(36)}.${text.length}`;
}
