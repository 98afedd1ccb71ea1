// The catalog, companies and their contacts, and a product's cost from a distributor (run as an admin).

import { buildCompany } from '../../../../shared/test/builders.ts';
import { buildProduct } from '../../catalog/test-products.ts';
import { buildCategory } from '../../psa/psa-builders.ts';
import { admin, path, type PathFamily } from './path-family.ts';

const laptop = buildProduct({ id: 'p-laptop', categoryId: 'cat-laptops' });
const contact = { id: 'c-acme', companyId: 'company-acme', name: 'Dana', email: '', phone: '', jobTitle: '' };
const book = { id: 'book', name: 'Acme', companyIds: ['company-acme'], validFrom: null, validTo: null, prices: {} };

export const catalogPaths: PathFamily = {
	name: 'catalog and companies',
	as: admin,
	async seed(db) {
		await db.companies.put(buildCompany({ id: 'company-acme' }));
		await db.contacts.put(contact);
		await db.categories.bulkPut([buildCategory({ id: 'cat-laptops' }), buildCategory({ id: 'cat-empty' })]);
		await db.products.put(laptop);
		await db.pricingBooks.put(book);
	},
	paths: {
		saveCategory: [path(buildCategory({ id: 'cat-new', name: 'Docks' }))],
		deleteCategory: [path({ id: 'cat-empty' }), path({ id: 'cat-laptops' }, 'category_in_use')],
		saveProduct: [
			path({ ...laptop, name: 'ThinkPad' }),
			path({ ...laptop, categoryId: 'cat-ghost' }, 'category_not_found')
		],
		importProducts: [
			path({ products: [buildProduct({ id: 'p-a', categoryId: 'cat-laptops' }), buildProduct({ id: 'p-b' })] }),
			path({ products: [buildProduct({ id: 'p-a', categoryId: 'cat-ghost' })] }, 'category_not_found')
		],
		savePricingBook: [
			path({ ...book, name: 'Acme 2027' }),
			path({ ...book, companyIds: ['company-ghost'] }, 'company_not_found')
		],
		deletePricingBook: [path({ id: 'book' })],
		saveCompany: [path({ id: 'company-acme', name: 'Acme Ltd' }), path({ id: 'company-new', name: 'Initech' })],
		saveContact: [
			path({ ...contact, name: 'Dana Scully' }),
			path({ ...contact, companyId: 'company-ghost' }, 'company_not_found')
		],
		deleteContact: [path({ id: 'c-acme' })],
		setProductCostFromDistributor: [
			path({ productId: 'p-laptop', distributor: 'ingrammicro', cost: 90_000, asOf: 1_000 }),
			path({ productId: 'p-ghost', distributor: 'ingrammicro', cost: 90_000, asOf: 1_000 }, 'product_not_found')
		],
		syncProductToPsa: [path({ productId: 'p-laptop' }), path({ productId: 'p-ghost' }, 'product_not_found')]
	}
};
