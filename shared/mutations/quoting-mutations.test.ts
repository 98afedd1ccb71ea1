// The catalog, company and customer-answer mutations, and duplicating and revising quotes.

import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { quoteContentHash } from '../quotes/content-hash.ts';
import type { Product } from '../schema/catalog-entities.ts';
import { createMemoryTx, type MemoryTx } from '../sync/memory-tx.ts';
import { buildCompany, buildQuote, buildQuoteLine, TEST_NOW } from '../test/builders.ts';
import { acceptQuote, declineQuote } from './acceptance-mutations.ts';
import { deleteCategory, importProducts, savePricingBook, saveProduct } from './catalog-mutations.ts';
import { saveCompany, saveContact } from './company-mutations.ts';
import type { MutationContext, MutationDef } from './define.ts';
import { duplicateQuote, reviseQuote } from './quote-copies.ts';
import { addQuoteLine, updateQuote } from './quote-mutations.ts';

const NOW = TEST_NOW + 1_000;
const staff: MutationContext = {
	userId: 'sales',
	actor: { kind: 'msp', companyId: 'msp', isAdmin: false, permissions: ['quoteEditor', 'productViewer'] },
	now: NOW
};
const acmeContact: MutationContext = {
	userId: 'carla',
	actor: { kind: 'customer', companyId: 'company-acme', isAdmin: false, permissions: [] },
	now: NOW
};
const globexContact: MutationContext = { ...acmeContact, actor: { ...acmeContact.actor, companyId: 'company-globex' } };

const product = (overrides: Partial<Product> = {}): Product => ({
	id: 'p-dock',
	name: 'USB-C dock',
	sku: 'DOCK-1',
	mpn: '',
	description: '',
	categoryId: 'cat-acc',
	cost: 10_000,
	price: 15_000,
	billing: 'one-time',
	distributor: null,
	noProcurement: false,
	active: true,
	...overrides
});

let tx: MemoryTx;
function given(rows: Parameters<typeof createMemoryTx>[0] = {}) {
	tx = createMemoryTx({
		companies: [buildCompany({ id: 'company-acme' }), buildCompany({ id: 'company-globex', name: 'Globex' })],
		categories: [{ id: 'cat-acc', name: 'Accessories', defaultMarkupPercent: 30, billingCodeId: 'bc-1' }],
		...rows
	});
}
const run = (def: MutationDef, args: unknown, ctx = staff) => def.apply(tx, def.args.parse(args), ctx);
async function refused(def: MutationDef, args: unknown, code: string, ctx = staff) {
	const before = tx.dump();
	const error = await run(def, args, ctx).then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(DomainError);
	expect((error as DomainError).code).toBe(code);
	expect(tx.dump()).toEqual(before);
}

describe('addQuoteLine from the catalog', () => {
	it('takes name, cost, billing and the customer price from the catalog', async () => {
		given({
			quotes: [buildQuote({ id: 'q1', companyId: 'company-acme' })],
			products: [product({ billing: 'monthly' })]
		});
		await run(addQuoteLine, { id: 'l1', quoteId: 'q1', productId: 'p-dock' });
		expect(await tx.get('quoteLines', 'l1')).toMatchObject({
			description: 'USB-C dock',
			unitPrice: 15_000,
			unitCost: 10_000,
			billing: 'monthly',
			quantity: 1
		});
	});

	it('copies the product’s category onto the line, for whitespace without the catalog', async () => {
		given({ quotes: [buildQuote({ id: 'q1', companyId: 'company-acme' })], products: [product()] });
		await run(addQuoteLine, { id: 'l1', quoteId: 'q1', productId: 'p-dock' });
		expect(await tx.get('quoteLines', 'l1')).toMatchObject({ productId: 'p-dock', categoryId: 'cat-acc' });
	});

	it('applies a pricing book of the quote’s company, valid today', async () => {
		given({
			quotes: [buildQuote({ id: 'q1', companyId: 'company-acme' })],
			products: [product()],
			pricingBooks: [
				{
					id: 'book',
					name: 'Acme',
					companyIds: ['company-acme'],
					validFrom: '2026-01-01',
					validTo: null,
					prices: { 'p-dock': 12_000 }
				}
			]
		});
		await run(addQuoteLine, { id: 'l1', quoteId: 'q1', productId: 'p-dock', quantity: 3 });
		expect(await tx.get('quoteLines', 'l1')).toMatchObject({ unitPrice: 12_000, quantity: 3 });
	});

	it('keeps what the rep typed over the catalog', async () => {
		given({ quotes: [buildQuote({ id: 'q1' })], products: [product()] });
		await run(addQuoteLine, {
			id: 'l1',
			quoteId: 'q1',
			productId: 'p-dock',
			description: 'Dock for the boardroom',
			unitPrice: 9_900
		});
		expect(await tx.get('quoteLines', 'l1')).toMatchObject({
			description: 'Dock for the boardroom',
			unitPrice: 9_900,
			unitCost: 10_000
		});
	});

	it('refuses an unknown product, and a free-text line without description and price', async () => {
		given({ quotes: [buildQuote({ id: 'q1' })] });
		await refused(addQuoteLine, { id: 'l1', quoteId: 'q1', productId: 'p-ghost' }, 'product_not_found');
		expect(addQuoteLine.args.safeParse({ id: 'l1', quoteId: 'q1', quantity: 1 }).success).toBe(false);
	});
});

describe('contacts on quotes', () => {
	it('accepts a contact of the quote’s company and refuses another company’s', async () => {
		given({
			quotes: [buildQuote({ id: 'q1', companyId: 'company-acme' })],
			contacts: [
				{ id: 'c-acme', companyId: 'company-acme', name: 'Dana', email: '', phone: '', jobTitle: '' },
				{ id: 'c-globex', companyId: 'company-globex', name: 'Gil', email: '', phone: '', jobTitle: '' }
			]
		});
		await run(updateQuote, { id: 'q1', contactId: 'c-acme' });
		expect((await tx.get('quotes', 'q1'))?.contactId).toBe('c-acme');
		await refused(updateQuote, { id: 'q1', contactId: 'c-globex' }, 'contact_not_of_company');
		await run(updateQuote, { id: 'q1', companyId: 'company-globex' });
		expect((await tx.get('quotes', 'q1'))?.contactId).toBeNull();
	});
});

describe('customer answers', () => {
	function sentQuote() {
		const quote = buildQuote({ id: 'q1', companyId: 'company-acme', status: 'sent' });
		const lines = [buildQuoteLine({ quoteId: 'q1', position: 'a0' })];
		given({ quotes: [quote], quoteLines: lines });
		return quoteContentHash(quote, lines);
	}

	it('a contact of the company accepts with their name, recording the content fingerprint', async () => {
		const hash = sentQuote();
		await run(acceptQuote, { id: 'q1', name: 'Carla Customer', contentHash: hash }, acmeContact);
		expect(await tx.get('quotes', 'q1')).toMatchObject({
			status: 'accepted',
			acceptance: { name: 'Carla Customer', at: NOW, contentHash: hash }
		});
	});

	it('refuses an acceptance of content that changed since it was read', async () => {
		const hash = sentQuote();
		const line = (await tx.all('quoteLines'))[0]!;
		await tx.put('quoteLines', { ...line, quantity: line.quantity + 1 });
		await refused(acceptQuote, { id: 'q1', name: 'Carla', contentHash: hash }, 'quote_changed', acmeContact);
	});

	it('refuses MSP staff who are not admins; to another company’s contact the quote does not exist', async () => {
		const hash = sentQuote();
		await refused(acceptQuote, { id: 'q1', name: 'Gil', contentHash: hash }, 'quote_not_found', globexContact);
		await refused(declineQuote, { id: 'q1', reason: '' }, 'not_your_quote', staff);
	});

	it('answers only a sent quote, and a draft the customer cannot see yet does not exist for them', async () => {
		given({ quotes: [buildQuote({ id: 'q1', companyId: 'company-acme', status: 'accepted' })] });
		await refused(declineQuote, { id: 'q1', reason: 'No' }, 'not_awaiting_answer', acmeContact);
		given({ quotes: [buildQuote({ id: 'q1', companyId: 'company-acme', status: 'draft' })] });
		await refused(declineQuote, { id: 'q1', reason: 'No' }, 'quote_not_found', acmeContact);
	});

	it('declining records the reason', async () => {
		sentQuote();
		await run(declineQuote, { id: 'q1', reason: ' Over budget ' }, acmeContact);
		expect(await tx.get('quotes', 'q1')).toMatchObject({ status: 'declined', declineReason: 'Over budget' });
	});
});

describe('duplicate and revise', () => {
	function source(status: 'draft' | 'sent' | 'accepted') {
		given({
			quotes: [buildQuote({ id: 'q1', status, number: 'Q-00001', title: 'Firewall' })],
			quoteLines: [
				buildQuoteLine({ id: 'l-b', quoteId: 'q1', position: 'a1' }),
				buildQuoteLine({ id: 'l-a', quoteId: 'q1', position: 'a0' })
			]
		});
	}

	it('duplicates into a provisional draft with the new ids, lines in order', async () => {
		source('accepted');
		await run(duplicateQuote, { id: 'q1', newId: 'q2', lineIds: ['n-1', 'n-2'] });
		expect(await tx.get('quotes', 'q2')).toMatchObject({
			status: 'draft',
			number: null,
			title: 'Copy of Firewall',
			acceptance: null,
			revision: 1,
			ownerId: 'sales'
		});
		expect((await tx.get('quoteLines', 'n-1'))?.position).toBe('a0');
		expect((await tx.get('quoteLines', 'n-2'))?.position).toBe('a1');
	});

	it('refuses when the line ids do not match the lines', async () => {
		source('draft');
		await refused(duplicateQuote, { id: 'q1', newId: 'q2', lineIds: ['n-1'] }, 'lines_changed');
	});

	it('a revision of a sent quote retracts it and counts up', async () => {
		source('sent');
		await run(reviseQuote, { id: 'q1', newId: 'q2', lineIds: ['n-1', 'n-2'] });
		expect(await tx.get('quotes', 'q2')).toMatchObject({
			status: 'draft',
			revisionOf: 'q1',
			revision: 2,
			title: 'Firewall'
		});
		expect((await tx.get('quotes', 'q1'))?.status).toBe('retracted');
	});

	it('a draft is edited, not revised', async () => {
		source('draft');
		await refused(reviseQuote, { id: 'q1', newId: 'q2', lineIds: ['n-1', 'n-2'] }, 'still_draft');
	});
});

describe('catalog', () => {
	it('imports every row or none', async () => {
		given({ products: [product({ id: 'p-old', price: 1 })] });
		await refused(
			importProducts,
			{ products: [product({ id: 'p-new' }), product({ id: 'p-bad', categoryId: 'cat-ghost' })] },
			'category_not_found'
		);
		await refused(importProducts, { products: [product({ id: 'p-x' }), product({ id: 'p-x' })] }, 'duplicate_row');
		await run(importProducts, { products: [product({ id: 'p-old', price: 2 }), product({ id: 'p-new' })] });
		expect((await tx.get('products', 'p-old'))?.price).toBe(2);
		expect(await tx.get('products', 'p-new')).toBeDefined();
	});

	it('a product needs an existing category, and a category in use is not deleted', async () => {
		given();
		await refused(saveProduct, product({ categoryId: 'cat-ghost' }), 'category_not_found');
		await run(saveProduct, product());
		await refused(deleteCategory, { id: 'cat-acc' }, 'category_in_use');
	});

	it('a pricing book names existing companies and valid dates', async () => {
		given();
		await refused(
			savePricingBook,
			{ id: 'b', name: 'B', companyIds: ['company-ghost'], validFrom: null, validTo: null, prices: {} },
			'company_not_found'
		);
		expect(
			savePricingBook.args.safeParse({
				id: 'b',
				name: 'B',
				companyIds: [],
				validFrom: '2027-01-02',
				validTo: '2027-01-01',
				prices: {}
			}).success
		).toBe(false);
	});
});

describe('companies and contacts', () => {
	it('saves a new company and renames an existing one without touching the rest', async () => {
		given();
		await run(saveCompany, { id: 'company-new', name: 'New Co' });
		expect(await tx.get('companies', 'company-new')).toEqual({
			id: 'company-new',
			name: 'New Co',
			isMsp: false,
			createdAt: NOW
		});
		await run(saveCompany, { id: 'company-acme', name: 'Acme Corp.' });
		expect(await tx.get('companies', 'company-acme')).toMatchObject({ name: 'Acme Corp.', createdAt: TEST_NOW });
	});
	it('a contact belongs to an existing company', async () => {
		given();
		await refused(
			saveContact,
			{ id: 'c1', companyId: 'company-ghost', name: 'X', email: '', phone: '', jobTitle: '' },
			'company_not_found'
		);
		expect(
			saveContact.args.safeParse({
				id: 'c1',
				companyId: 'company-acme',
				name: 'X',
				email: 'nope',
				phone: '',
				jobTitle: ''
			}).success
		).toBe(false);
	});
});
