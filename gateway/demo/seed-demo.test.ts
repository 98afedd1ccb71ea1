import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	categorySchema,
	contactSchema,
	pricingBookSchema,
	productSchema
} from '../../shared/schema/catalog-entities.ts';
import { customerPrice } from '../../shared/pricing/customer-price.ts';
import { TEST_PASSWORDS } from '../test/http-harness.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { DEMO_CATEGORIES, demoPricingBooks, demoProducts } from './demo-catalog.ts';
import { demoContacts } from './demo-contacts.ts';
import { DEMO_COMPANIES, DEMO_ORG } from './demo-data.ts';
import { seedDemo } from './seed-demo.ts';

const NOW = Date.UTC(2026, 10, 1, 9, 0, 0);

describe('the demo catalog and contacts', () => {
	const products = demoProducts();
	const contacts = demoContacts(DEMO_COMPANIES);

	it('has a dozen categories, each with a markup and a billing code', () => {
		expect(DEMO_CATEGORIES).toHaveLength(12);
		for (const category of DEMO_CATEGORIES) {
			expect(categorySchema.parse(category)).toEqual(category);
			expect(category.billingCodeId).toMatch(/^\d+$/);
		}
	});

	it('has about three hundred valid products with unique ids and SKUs, in known categories', () => {
		expect(products.length).toBeGreaterThanOrEqual(280);
		expect(products.length).toBeLessThanOrEqual(320);
		for (const product of products) expect(productSchema.strict().parse(product)).toEqual(product);
		expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
		expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
		const categoryIds = new Set(DEMO_CATEGORIES.map((c) => c.id));
		expect(products.every((p) => p.categoryId !== null && categoryIds.has(p.categoryId))).toBe(true);
	});

	it('mixes recurring licences, distributors, services without procurement, retired and markup-priced products', () => {
		const count = (pick: (p: (typeof products)[number]) => boolean) => products.filter(pick).length;
		expect(count((p) => p.billing === 'monthly')).toBeGreaterThan(20);
		expect(count((p) => p.billing === 'yearly')).toBeGreaterThan(20);
		expect(count((p) => p.distributor === 'ingram')).toBeGreaterThan(50);
		expect(count((p) => p.distributor === 'tdsynnex')).toBeGreaterThan(50);
		expect(count((p) => p.noProcurement)).toBeGreaterThan(10);
		expect(products.filter((p) => p.noProcurement).every((p) => p.distributor === null)).toBe(true);
		expect(count((p) => !p.active)).toBeGreaterThan(0);
		expect(count((p) => p.price === 0)).toBeGreaterThan(0);
		expect(products.filter((p) => p.price > 0).every((p) => p.price >= p.cost)).toBe(true);
	});

	it('gives every customer company two to four contacts, and none to the MSP itself', () => {
		for (const contact of contacts) expect(contactSchema.parse(contact)).toEqual(contact);
		expect(new Set(contacts.map((c) => c.id)).size).toBe(contacts.length);
		for (const company of DEMO_COMPANIES) {
			const n = contacts.filter((c) => c.companyId === company.id).length;
			expect(n, company.id).toBeOneOf(company.isMsp ? [0] : [2, 3, 4]);
		}
		expect(contacts).toContainEqual(
			expect.objectContaining({ companyId: 'company-acme', email: 'customer@acme.outpost.test' })
		);
	});

	it('is the same on every start', () => {
		expect(demoProducts()).toEqual(products);
		expect(demoContacts(DEMO_COMPANIES)).toEqual(contacts);
		expect(demoPricingBooks(products, NOW)).toEqual(demoPricingBooks(demoProducts(), NOW));
	});

	it('dates its pricing books from now: one current, one open-ended, one expired', () => {
		const books = demoPricingBooks(products, NOW);
		for (const book of books) expect(pricingBookSchema.parse(book)).toEqual(book);
		const productIds = new Set(products.map((p) => p.id));
		expect(
			books.every((b) => Object.keys(b.prices).length > 5 && Object.keys(b.prices).every((id) => productIds.has(id)))
		).toBe(true);
		const laptop = products.find((p) => p.categoryId === 'category-laptops' && p.active)!;
		expect(customerPrice(laptop, undefined, 'company-acme', books, '2026-11-01')).toMatchObject({
			source: 'pricing-book'
		});
		expect(customerPrice(laptop, undefined, 'company-acme', books, '2026-11-01').price).toBeLessThan(laptop.price);
		const firewall = products.find((p) => p.sku.startsWith('SEC-FTN') && p.active)!;
		expect(customerPrice(firewall, undefined, 'company-stark', books, '2026-11-01')).toMatchObject({ source: 'list' });
	});
});

describe.each(STORE_KINDS)('seeding the demo organisation on $name', (kind) => {
	let opened: TestStore;
	beforeAll(async () => {
		opened = await kind.open();
	});
	afterAll(async () => {
		await opened?.close();
	});

	it('writes the catalog and contacts as replicated rows, quickly, and only once', async () => {
		const started = performance.now();
		expect(await seedDemo(opened.store, TEST_PASSWORDS, NOW)).toBe(true);
		const elapsed = performance.now() - started;
		const rows = await opened.store.db
			.selectFrom('entities')
			.select(['tbl', (eb) => eb.fn.countAll<number>().as('n')])
			.where('org_id', '=', DEMO_ORG.id)
			.groupBy('tbl')
			.execute();
		const counts = Object.fromEntries(rows.map((r) => [r.tbl, Number(r.n)]));
		expect(counts).toMatchObject({
			categories: DEMO_CATEGORIES.length,
			products: demoProducts().length,
			pricingBooks: 3,
			contacts: demoContacts(DEMO_COMPANIES).length,
			companies: DEMO_COMPANIES.length
		});
		// It runs on every first start and in every test gateway. The budget is about 300 ms; the
		// bound here is loose so a busy CI machine does not fail it.
		expect(elapsed).toBeLessThan(2_000);
		console.info(`demo seed on ${kind.name}: ${Math.round(elapsed)} ms`);
		expect(await seedDemo(opened.store, TEST_PASSWORDS, NOW)).toBe(false);
	});
});
