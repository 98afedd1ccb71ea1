// Editing quotes and their lines, copying them, and asking for their PSA sync (a Quote editor).

import { buildCompany, buildQuote, buildQuoteLine } from '../../../../shared/test/builders.ts';
import { buildProduct } from '../../catalog/test-products.ts';
import { path, sales, type PathFamily } from './path-family.ts';

const dock = buildProduct({ id: 'p-dock', name: 'USB-C dock', categoryId: 'cat-acc', cost: 10_000, price: 15_000 });

export const quotePaths: PathFamily = {
	name: 'quotes',
	as: sales,
	async seed(db) {
		await db.companies.bulkPut([
			buildCompany({ id: 'company-acme' }),
			buildCompany({ id: 'company-globex', name: 'Globex' })
		]);
		await db.contacts.bulkPut([
			{ id: 'c-acme', companyId: 'company-acme', name: 'Dana', email: '', phone: '', jobTitle: '' },
			{ id: 'c-globex', companyId: 'company-globex', name: 'Gil', email: '', phone: '', jobTitle: '' }
		]);
		await db.categories.put({ id: 'cat-acc', name: 'Accessories', defaultMarkupPercent: 30, billingCodeId: 'bc-1' });
		await db.products.put(dock);
		await db.pricingBooks.put({
			id: 'book',
			name: 'Acme',
			companyIds: ['company-acme'],
			validFrom: '2026-01-01',
			validTo: null,
			prices: { 'p-dock': 12_000 }
		});
		await db.quotes.bulkPut([
			buildQuote({ id: 'q1', companyId: 'company-acme' }),
			buildQuote({ id: 'q-sent', companyId: 'company-acme', status: 'sent' })
		]);
		await db.quoteLines.bulkPut([
			buildQuoteLine({ id: 'l1', quoteId: 'q1', quantity: 1, unitPrice: 100 }),
			buildQuoteLine({ id: 'l-sent', quoteId: 'q-sent', quantity: 1, unitPrice: 100 })
		]);
	},
	paths: {
		createQuote: [
			path({ id: 'q-new', companyId: 'company-acme', title: 'New', contactId: 'c-acme' }),
			path({ id: 'q1', companyId: 'company-acme', title: 'Taken' }, 'id_taken'),
			path({ id: 'q-new', companyId: 'company-ghost', title: 'New' }, 'company_not_found')
		],
		updateQuote: [
			path({ id: 'q1', companyId: 'company-globex', contactId: 'c-globex' }),
			path({ id: 'q1', status: 'sent' }),
			path({ id: 'q1', contactId: 'c-globex' }, 'contact_not_of_company')
		],
		addQuoteLine: [
			path({ id: 'l-new', quoteId: 'q1', description: 'Labour', unitPrice: 100 }),
			path({ id: 'l-dock', quoteId: 'q1', productId: 'p-dock' }),
			path({ id: 'l-ghost', quoteId: 'q1', productId: 'p-ghost' }, 'product_not_found')
		],
		updateQuoteLine: [path({ id: 'l1', quantity: 3 }), path({ id: 'l-ghost', quantity: 3 }, 'quote_line_not_found')],
		removeQuoteLine: [path({ id: 'l1' }), path({ id: 'l-ghost' })],
		duplicateQuote: [
			path({ id: 'q1', newId: 'q-copy', lineIds: ['l-copy'] }),
			path({ id: 'q1', newId: 'q-copy', lineIds: ['l-sent'] }, 'id_taken'),
			path({ id: 'q1', newId: 'q-copy', lineIds: [] }, 'lines_changed')
		],
		reviseQuote: [
			path({ id: 'q-sent', newId: 'q-rev', lineIds: ['l-rev'] }),
			path({ id: 'q1', newId: 'q-rev', lineIds: ['l-rev'] }, 'still_draft')
		],
		syncQuoteToPsa: [path({ quoteId: 'q1' }), path({ quoteId: 'q-ghost' }, 'quote_not_found')]
	}
};
