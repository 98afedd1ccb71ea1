// The organisation's logo as it travels and is stored: a small PNG or JPEG data URL. SVG is refused
// (it can carry script and external references); the bytes must really be the type the URL names.

/** 64 KiB of image: a crisp letterhead logo, and a row every device replicates without noticing. */
export const LOGO_MAX_BYTES = 64 * 1024;

export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export type LogoCheck = { ok: true } | { ok: false; reason: 'type' | 'size' };

const DATA_URL = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/]*={0,2})$/;
const SIGNATURES: Record<LogoType, readonly number[]> = {
	'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
	'image/jpeg': [0xff, 0xd8, 0xff]
};

export function checkLogoDataUrl(url: string): LogoCheck {
	const match = DATA_URL.exec(url);
	if (!match) return { ok: false, reason: 'type' };
	const [, type, data] = match as unknown as [string, LogoType, string];
	if (data.length % 4 !== 0) return { ok: false, reason: 'type' };
	const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
	if ((data.length / 4) * 3 - padding > LOGO_MAX_BYTES) return { ok: false, reason: 'size' };
	const head = atob(data.slice(0, 12));
	const signature = SIGNATURES[type];
	const matches = signature.every((byte, k) => head.charCodeAt(k) === byte);
	return matches ? { ok: true } : { ok: false, reason: 'type' };
}
