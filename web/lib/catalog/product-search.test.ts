import { describe, expect, it } from 'vitest';
import type { Category } from '../../../shared/schema/catalog-entities.ts';
import { indexProducts } from './product-search-index.ts';
import { ANY_CATEGORY, NO_CATEGORY, searchProducts, type SearchOptions } from './product-search.ts';
import { buildProduct } from './test-products.ts';

const categories = new Map<string, Category>(
	[
		{ id: 'cat-laptops', name: 'Laptops' },
		{ id: 'cat-monitors', name: 'Monitors' },
		{ id: 'cat-security', name: 'Security' },
		{ id: 'cat-accessories', name: 'Accessories' },
		{ id: 'cat-voice', name: 'Voice & Collaboration', keywords: ['telephony', 'VoIP'] }
	].map((c) => [c.id, { defaultMarkupPercent: 20, billingCodeId: null, ...c }])
);

const laptop = 'Business laptop with 3-year on-site warranty.';
const t14 = buildProduct({
	id: 't14',
	name: 'Lenovo ThinkPad T14 Gen 6',
	sku: 'LAP-LEN-001',
	mpn: '21QC0001',
	categoryId: 'cat-laptops',
	description: laptop
});
const x1 = buildProduct({
	id: 'x1',
	name: 'Lenovo ThinkPad X1 Carbon Gen 13',
	sku: 'LAP-LEN-002',
	mpn: '21NS0001',
	categoryId: 'cat-laptops',
	description: laptop
});
const l14 = buildProduct({
	id: 'l14',
	name: 'Lenovo ThinkPad L14 Gen 5',
	sku: 'LAP-LEN-003',
	categoryId: 'cat-laptops',
	description: laptop,
	active: false
});
const surface = buildProduct({
	id: 'surface',
	name: 'Microsoft Surface Laptop 7',
	sku: 'LAP-MSF-001',
	categoryId: 'cat-laptops'
});
const dock = buildProduct({
	id: 'dock',
	name: 'ThinkPad Universal USB-C Dock',
	sku: 'ACC-DCK-001',
	mpn: '40AY0090US',
	categoryId: 'cat-accessories',
	description: 'Docking station.'
});
const battery = buildProduct({
	id: 'battery',
	name: 'Spare battery for 21QC0001',
	sku: 'ACC-BAT-001',
	categoryId: 'cat-accessories'
});
const backpack = buildProduct({
	id: 'backpack',
	name: 'Targus backpack',
	sku: 'ACC-BAG-001',
	description: 'Fits a 15-inch laptop.'
});
const dell = buildProduct({
	id: 'dell',
	name: 'Dell P2425H 24"',
	sku: 'MON-DEL-001',
	mpn: 'P2425H',
	categoryId: 'cat-monitors',
	description: 'Monitor with 3-year Advanced Exchange.'
});
const vision = buildProduct({
	id: 'vision',
	name: 'Lenovo ThinkVision T24i-30 24"',
	sku: 'MON-LEN-001',
	categoryId: 'cat-monitors',
	description: 'Monitor with 3-year warranty.'
});
const privacy = buildProduct({ id: 'privacy', name: 'Privacy screen filter 24"', sku: 'ACC-PRV-001' });
const backup = buildProduct({ id: 'backup', name: 'Managed backup monitoring, per protected system', sku: 'MSV-001' });
const fortigate = buildProduct({
	id: 'fortigate',
	name: 'Fortinet FortiGate 70G',
	sku: 'SEC-FTN-001',
	mpn: 'FG-70G',
	categoryId: 'cat-security',
	description: 'Next-generation firewall appliance.'
});
const meraki = buildProduct({ id: 'meraki', name: 'Cisco Meraki MX68 security appliance', sku: 'NET-MRK-001' });
const install = buildProduct({ id: 'install', name: 'Firewall installation and configuration', sku: 'PSV-001' });
const cable = buildProduct({
	id: 'cable',
	name: 'Cat6 patch cable',
	sku: 'ACC-CBL-001',
	categoryId: 'cat-accessories'
});
const adapter = buildProduct({
	id: 'adapter',
	name: 'HDMI adapter',
	sku: 'ACC-ADP-001',
	description: 'Adapter with attached cable.'
});
const table = buildProduct({ id: 'table', name: 'Standing desk table', sku: 'FUR-TBL-001' });
const phone = buildProduct({
	id: 'phone',
	name: 'Yealink T54W desk phone',
	sku: 'VOC-YEA-001',
	categoryId: 'cat-voice'
});
const cafe = buildProduct({ id: 'cafe', name: 'Café machine service', sku: 'CAFE-1' });

const catalog = [t14, x1, l14, surface, dock, battery, backpack, dell, vision, privacy, backup].concat([
	fortigate,
	meraki,
	install,
	cable,
	adapter,
	table,
	phone,
	cafe
]);
const index = indexProducts(catalog, categories);
const ids = (typed: string, options?: SearchOptions) => searchProducts(index, typed, options).products.map((p) => p.id);

describe('searchProducts: what matches', () => {
	it('lists everything for blank input, in name order', () => {
		const all = ids('   ');
		expect(all).toHaveLength(catalog.length);
		expect(all.slice(0, 4)).toEqual(['cafe', 'cable', 'meraki', 'dell']);
	});

	it('matches name, SKU and MPN, ignoring case and accents', () => {
		expect(ids('carbon')).toEqual(['x1']);
		expect(ids('acc-dck')).toEqual(['dock']);
		expect(ids('40ay')).toEqual(['dock']);
		expect(ids('CAFE machine')).toEqual(['cafe']);
		expect(ids('café')).toEqual(['cafe']);
	});

	it('finds a code written with or without its punctuation', () => {
		expect(ids('usb-c')).toEqual(['dock']);
		expect(ids('usbc')).toEqual(['dock']);
		expect(ids('usb c')).toEqual(['dock']);
		expect(ids('fg70g')).toEqual(['fortigate']);
	});

	it('matches the category name, singular or plural', () => {
		expect(ids('monitors')).toEqual(['dell', 'vision']);
		expect(ids('accessory')).toEqual(['cable', 'battery', 'dock']);
		expect(ids('accessories')).toEqual(['cable', 'battery', 'dock']);
	});

	it('matches description words', () => {
		expect(ids('warranty')).toEqual(['l14', 't14', 'vision', 'x1']);
	});

	it("matches the category's own keywords", () => {
		expect(ids('telephony')).toEqual(['phone']);
		expect(ids('voip')).toEqual(['phone']);
	});

	it('matches generic synonyms: notebook for laptop, firewall for a security appliance', () => {
		expect(ids('notebook', { activeOnly: true })).toEqual(['surface', 'backpack', 't14', 'x1']);
		expect(ids('utm')).toEqual(['meraki', 'install', 'fortigate']);
		expect(ids('display')).toEqual(['dell', 'vision']);
	});

	it('needs every word typed, in any order and any field', () => {
		expect(ids('lenovo monitor')).toEqual(['vision']);
		expect(ids('monitor lenovo')).toEqual(['vision']);
		expect(ids('dock thinkpad')).toEqual(['dock']);
		expect(ids('dell laptop')).toEqual([]);
	});

	it('matches the start of a word as you type, and inside a word from three characters', () => {
		expect(ids('fortig')).toEqual(['fortigate']);
		expect(ids('2425')).toEqual(['dell']);
		expect(ids('ad')).toEqual(['adapter', 'dell']);
		expect(ids('apter')).toEqual(['adapter']);
	});

	it('forgives one typo in words of five letters or more, not in shorter words or codes', () => {
		expect(ids('moniter')).toEqual(['dell', 'vision']);
		expect(ids('thinkpda', { activeOnly: true })).toEqual(['t14', 'dock', 'x1']);
		expect(ids('dokc')).toEqual([]);
		expect(ids('p2725h')).toEqual([]);
	});
});

describe('searchProducts: ranking', () => {
	it('puts an exact SKU or MPN first, above a name that mentions it', () => {
		expect(ids('21qc0001')).toEqual(['t14', 'battery']);
		expect(ids(' LAP-LEN-002 ')).toEqual(['x1']);
	});

	it('puts a name starting with what was typed above a name containing it', () => {
		expect(ids('thinkpad', { activeOnly: true })).toEqual(['dock', 't14', 'x1']);
	});

	it('puts a word in the name above the category, and the category above the description', () => {
		expect(ids('laptop', { activeOnly: true })).toEqual(['surface', 't14', 'x1', 'backpack']);
	});

	it('puts a whole word anywhere above the start of a word: "monitor" is not "monitoring"', () => {
		expect(ids('monitor')).toEqual(['dell', 'vision', 'backup']);
	});

	it('puts the word itself above its synonym', () => {
		expect(ids('screen')).toEqual(['privacy', 'dell', 'vision']);
		expect(ids('firewall')).toEqual(['install', 'meraki', 'fortigate']);
	});

	it('puts a typo last, below a description word', () => {
		expect(ids('cable')).toEqual(['cable', 'adapter', 'table']);
	});

	it('puts the shorter name first between equal matches, then name order', () => {
		expect(ids('lap-len')).toEqual(['l14', 't14', 'x1']);
	});

	it('gives the same order whatever order the catalog came in', () => {
		const reversed = indexProducts([...catalog].reverse(), categories);
		for (const typed of ['thinkpad', 'laptop', 'monitor', 'cable', ''])
			expect(searchProducts(reversed, typed).products.map((p) => p.id)).toEqual(ids(typed));
	});

	it('gives the same answer typed one letter at a time as typed at once', () => {
		const typed = 'fortinet firewall appliance';
		for (let n = 1; n <= typed.length; n++) {
			const fresh = indexProducts(catalog, categories);
			expect(ids(typed.slice(0, n))).toEqual(searchProducts(fresh, typed.slice(0, n)).products.map((p) => p.id));
		}
	});
});

describe('searchProducts: filters and limits', () => {
	it('filters by category, or by having none', () => {
		expect(ids('', { category: 'cat-monitors' })).toEqual(['dell', 'vision']);
		expect(ids('thinkpad', { category: 'cat-accessories' })).toEqual(['dock']);
		expect(ids('monitor', { category: NO_CATEGORY })).toEqual(['backup']);
		expect(ids('', { category: ANY_CATEGORY })).toHaveLength(catalog.length);
	});

	it('leaves retired products out when asked', () => {
		expect(ids('l14')).toEqual(['l14']);
		expect(ids('l14', { activeOnly: true })).toEqual([]);
	});

	it('returns at most `limit` products and counts every match', () => {
		expect(searchProducts(index, 'lenovo', { limit: 2 })).toEqual({ products: [l14, t14], total: 4 });
		expect(searchProducts(index, '', { limit: 1 }).total).toBe(catalog.length);
	});

	it('searches a pasted paragraph by its first 32 words', () => {
		expect(ids(`lenovo ${'gen '.repeat(31)}carbon`)).toEqual(['l14', 't14', 'x1']);
	});

	it('keeps a category without keywords and a product without a category searchable', () => {
		const bare = indexProducts([buildProduct({ id: 'orphan', name: 'Orphan', categoryId: 'gone' })]);
		expect(searchProducts(bare, 'orphan').products.map((p) => p.id)).toEqual(['orphan']);
	});
});

describe('searchProducts: speed', () => {
	it('searches 5,000 products in well under a frame per keystroke', () => {
		const many = indexProducts(
			Array.from({ length: 5_000 }, (_, k) =>
				buildProduct({
					name: `Product ${k} with a fairly long descriptive name`,
					sku: `SKU-${k}`,
					mpn: `MPN${k}`,
					description: `Model ${k % 97} for ${['laptops', 'monitors', 'firewalls'][k % 3]}, 3-year warranty.`
				})
			)
		);
		const typed = 'product 4999 monitor';
		const times: number[] = [];
		for (let pass = 0; pass < 3; pass++) {
			many.memo.clear();
			for (let n = 1; n <= typed.length; n++) {
				const started = performance.now();
				searchProducts(many, typed.slice(0, n), { limit: 8 });
				times.push(performance.now() - started);
			}
		}
		// A keystroke's budget is one frame. The median: a shared CI machine preempts a few keystrokes
		// whatever the code does (the bench has the real figures).
		expect(times.sort((a, b) => a - b)[times.length >> 1]).toBeLessThan(16);
		expect(searchProducts(many, 'sku-4999').products[0]!.sku).toBe('SKU-4999');
	});
});
