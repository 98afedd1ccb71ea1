// Draws the Outpost mark (a white tent with an accent flag on a ground line, on the brand teal) and
// writes the PWA icons as PNG with node:zlib only. It knows nothing about the manifest that lists them.
// Run: node scripts/make-icons.mjs

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const BRAND = [0x0f, 0x4c, 0x5c];
const WHITE = [0xff, 0xff, 0xff];
const ACCENT = [0xf6, 0xc8, 0x6e];
const SAMPLES = 4; // 4×4 supersampling per pixel for anti-aliased edges

// The mark, in its own coordinates: y points down, roughly within [-1, 1].
const tent = [
	[0, -0.5],
	[-0.86, 0.62],
	[0.86, 0.62]
];
const door = [
	[0, -0.02],
	[-0.27, 0.62],
	[0.27, 0.62]
];
const flag = [
	[0.02, -0.98],
	[0.42, -0.86],
	[0.02, -0.74]
];
const pole = { x0: -0.04, x1: 0.04, y0: -0.98, y1: -0.48 };
const ground = { x0: -1, x1: 1, y0: 0.68, y1: 0.8, r: 0.06 };

// Bounding box of the mark, so it can be centred and scaled to fit a circle or a square.
const markPoints = [...tent, ...flag, [ground.x0, ground.y0], [ground.x1, ground.y1], [ground.x0, ground.y1]];
const box = {
	x0: Math.min(...markPoints.map((p) => p[0])),
	x1: Math.max(...markPoints.map((p) => p[0])),
	y0: Math.min(...markPoints.map((p) => p[1])),
	y1: Math.max(...markPoints.map((p) => p[1]))
};
const centre = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
const markRadius = Math.max(
	...[
		[box.x0, box.y0],
		[box.x1, box.y0],
		[box.x0, box.y1],
		[box.x1, box.y1]
	].map(([x, y]) => Math.hypot(x - centre[0], y - centre[1]))
);

function inTriangle([a, b, c], x, y) {
	const side = (p, q) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
	const d1 = side(a, b);
	const d2 = side(b, c);
	const d3 = side(c, a);
	const hasNeg = d1 < 0 || d2 < 0 || d3 < 0;
	const hasPos = d1 > 0 || d2 > 0 || d3 > 0;
	return !(hasNeg && hasPos);
}

function inRect(r, x, y) {
	return x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;
}

function inRoundedRect(r, x, y) {
	if (!inRect(r, x, y)) return false;
	const cx = Math.min(Math.max(x, r.x0 + r.r), r.x1 - r.r);
	const cy = Math.min(Math.max(y, r.y0 + r.r), r.y1 - r.r);
	return Math.hypot(x - cx, y - cy) <= r.r;
}

/** Colour of the mark at a point in mark coordinates, or null where the background shows. */
function markColour(x, y) {
	if (inTriangle(flag, x, y)) return ACCENT;
	if (inRect(pole, x, y)) return WHITE;
	if (inTriangle(tent, x, y) && !inTriangle(door, x, y)) return WHITE;
	if (inRoundedRect(ground, x, y)) return ACCENT;
	return null;
}

/**
 * @param {number} size pixels per side
 * @param {{ markScale: number, cornerRadius: number }} style markScale: the mark's bounding circle
 *   radius as a fraction of the side; cornerRadius: background corner radius as a fraction of the
 *   side (0 for a full-bleed opaque square).
 */
function render(size, { markScale, cornerRadius }) {
	const rgba = new Uint8Array(size * size * 4);
	const bg = { x0: 0, x1: 1, y0: 0, y1: 1, r: cornerRadius };
	const k = markRadius / markScale;
	for (let py = 0; py < size; py++) {
		for (let px = 0; px < size; px++) {
			let r = 0;
			let g = 0;
			let b = 0;
			let a = 0;
			for (let sy = 0; sy < SAMPLES; sy++) {
				for (let sx = 0; sx < SAMPLES; sx++) {
					const u = (px + (sx + 0.5) / SAMPLES) / size;
					const v = (py + (sy + 0.5) / SAMPLES) / size;
					if (cornerRadius > 0 && !inRoundedRect(bg, u, v)) continue;
					const colour = markColour((u - 0.5) * k + centre[0], (v - 0.5) * k + centre[1]) ?? BRAND;
					r += colour[0];
					g += colour[1];
					b += colour[2];
					a += 1;
				}
			}
			const i = (py * size + px) * 4;
			if (a > 0) {
				rgba[i] = Math.round(r / a);
				rgba[i + 1] = Math.round(g / a);
				rgba[i + 2] = Math.round(b / a);
			}
			rgba[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
		}
	}
	return rgba;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes) {
	let c = 0xffffffff;
	for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'ascii');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}

function encodePng(size, rgba) {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 6; // colour type: RGBA
	const raw = Buffer.alloc(size * (size * 4 + 1));
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0; // filter: none
		Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

// "any": rounded tile with transparent corners. "maskable": opaque full bleed, the mark inside a
// circle of radius 0.36 (the safe zone is the central circle of 80 % diameter, radius 0.4).
// apple-touch-icon: opaque full bleed; iOS rounds the corners itself.
const ANY = { markScale: 0.4, cornerRadius: 0.22 };
const MASKABLE = { markScale: 0.36, cornerRadius: 0 };
const APPLE = { markScale: 0.38, cornerRadius: 0 };

const outputs = [
	['static/icons/icon-192.png', 192, ANY],
	['static/icons/icon-512.png', 512, ANY],
	['static/icons/maskable-192.png', 192, MASKABLE],
	['static/icons/maskable-512.png', 512, MASKABLE],
	['static/apple-touch-icon.png', 180, APPLE],
	['static/favicon.png', 64, { markScale: 0.44, cornerRadius: 0.22 }]
];

for (const [path, size, style] of outputs) {
	const file = join(root, path);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, encodePng(size, render(size, style)));
	console.log(`${path} ${size}×${size}`);
}
