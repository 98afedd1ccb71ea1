// Outpost rows for the ConnectWise adapter tests: a customer with a contact, a sales owner, products
// and a quote with lines, over the shared builders.

import type { Contact, Product } from '../../../../shared/schema/catalog-entities.ts';
import type { MemoryTables } from '../../../../shared/sync/memory-tx.ts';
import { buildCompany, buildQuote, buildQuoteLine, buildUser } from '../../../../shared/test/builders.ts';

export function buildContact(overrides: Partial<Contact> = {}): Contact {
	return {
		id: 'contact-ada',
		companyId: 'company-acme',
		name: 'Ada Lovelace',
		email: 'ada@acme.example',
		phone: '',
		jobTitle: 'CTO',
		...overrides
	};
}

export function buildProduct(overrides: Partial<Product> = {}): Product {
	return {
		id: 'product-t14',
		name: 'Lenovo ThinkPad T14',
		sku: 'T14-G5',
		mpn: '21MC',
		description: '14" business laptop',
		categoryId: 'category-hardware',
		cost: 110_000,
		price: 134_900,
		billing: 'one-time',
		distributor: null,
		noProcurement: false,
		active: true,
		...overrides
	};
}

/** A quote for Acme with one line per product. */
export function quoteRows(products: Product[] = [buildProduct()]): MemoryTables & { quoteId: string } {
	const quote = buildQuote({
		id: 'quote-1',
		companyId: 'company-acme',
		contactId: 'contact-ada',
		ownerId: 'user-sales'
	});
	return {
		quoteId: quote.id,
		companies: [buildCompany({ id: 'company-acme', name: 'Acme Corporation' })],
		contacts: [buildContact()],
		users: [buildUser({ id: 'user-sales', email: 'sales@msp.example', externalIds: {} })],
		products,
		quotes: [quote],
		quoteLines: products.map((p, i) =>
			buildQuoteLine({
				id: `line-${i + 1}`,
				quoteId: quote.id,
				productId: p.id,
				description: p.name,
				quantity: 2,
				unitPrice: p.price,
				unitCost: p.cost,
				discountPercent: 0,
				position: `a${i}`
			})
		)
	};
}
