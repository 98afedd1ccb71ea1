import { describe, expect, it } from 'vitest';
import { checkLogoDataUrl, LOGO_MAX_BYTES } from './logo-image.ts';

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const dataUrl = (type: string, bytes: number[]) => `data:${type};base64,${btoa(String.fromCharCode(...bytes))}`;
const sized = (head: number[], total: number) => [...head, ...new Array<number>(total - head.length).fill(0)];

describe('checkLogoDataUrl', () => {
	it('accepts a PNG or JPEG whose bytes are what the URL says', () => {
		expect(checkLogoDataUrl(dataUrl('image/png', sized(PNG_HEAD, 64)))).toEqual({ ok: true });
		expect(checkLogoDataUrl(dataUrl('image/jpeg', sized([0xff, 0xd8, 0xff, 0xe0], 64)))).toEqual({ ok: true });
	});

	it('refuses SVG, other types and URLs that are not base64 data', () => {
		const svg = `data:image/svg+xml;base64,${btoa('<svg onload="alert(1)"/>')}`;
		expect(checkLogoDataUrl(svg)).toEqual({ ok: false, reason: 'type' });
		expect(checkLogoDataUrl(dataUrl('image/gif', sized([0x47, 0x49, 0x46], 32)))).toEqual({
			ok: false,
			reason: 'type'
		});
		expect(checkLogoDataUrl('https://example.test/logo.png')).toEqual({ ok: false, reason: 'type' });
		expect(checkLogoDataUrl('data:image/png;base64,not base64!')).toEqual({ ok: false, reason: 'type' });
	});

	it('refuses bytes that are not the type the URL names', () => {
		expect(checkLogoDataUrl(dataUrl('image/jpeg', sized(PNG_HEAD, 64)))).toEqual({ ok: false, reason: 'type' });
		expect(checkLogoDataUrl(dataUrl('image/png', sized([0x3c, 0x73, 0x76, 0x67], 64)))).toEqual({
			ok: false,
			reason: 'type'
		});
	});

	it('takes up to the size cap and refuses one byte more', () => {
		expect(checkLogoDataUrl(dataUrl('image/png', sized(PNG_HEAD, LOGO_MAX_BYTES)))).toEqual({ ok: true });
		expect(checkLogoDataUrl(dataUrl('image/png', sized(PNG_HEAD, LOGO_MAX_BYTES + 1)))).toEqual({
			ok: false,
			reason: 'size'
		});
	});
});
