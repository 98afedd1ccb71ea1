// The catalog: categories and products (Product editor), bulk import (Products importer) and
// customer pricing books (Pricing book editor).

import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { categorySchema, pricingBookSchema, productSchema } from '../schema/catalog-entities.ts';
import { id } from '../schema/entities.ts';
import type { Tx } from '../sync/tx.ts';
import { defineMutation } from './define.ts';

async function requireCategory(tx: Tx, categoryId: string | null): Promise<void> {
	if (categoryId !== null && !(await tx.get('categories', categoryId))) {
		throw new DomainError('category_not_found', 'That category does not exist.');
	}
}

export const saveCategory = defineMutation({
	name: 'saveCategory',
	permission: 'productEditor',
	stores: ['categories'],
	args: categorySchema.strict(),
	async apply(tx, category) {
		await tx.put('categories', category);
	}
});

export const deleteCategory = defineMutation({
	name: 'deleteCategory',
	permission: 'productEditor',
	stores: ['categories', 'products'],
	args: z.object({ id }).strict(),
	async apply(tx, { id }) {
		if ((await tx.byIndex('products', 'categoryId', id)).length > 0) {
			throw new DomainError('category_in_use', 'Products still belong to this category. Move them first.');
		}
		await tx.delete('categories', id);
	}
});

export const saveProduct = defineMutation({
	name: 'saveProduct',
	permission: 'productEditor',
	stores: ['products', 'categories'],
	args: productSchema.strict(),
	async apply(tx, product) {
		await requireCategory(tx, product.categoryId);
		await tx.put('products', product);
	}
});

/**
 * Rows one importProducts mutation may carry: a larger file is sent as several, so that no single
 * transaction holds the store for long (about a tenth of a second for this many on SQLite).
 */
export const IMPORT_MAX_ROWS = 1_000;

/** One chunk of a file: it applies completely or, if any row is refused, not at all. */
export const importProducts = defineMutation({
	name: 'importProducts',
	permission: 'productsImporter',
	stores: ['products', 'categories'],
	args: z.object({ products: z.array(productSchema.strict()).min(1).max(IMPORT_MAX_ROWS) }).strict(),
	async apply(tx, { products }) {
		const seen = new Set<string>();
		// Each category is looked up once, at its first row: thousands of rows share a dozen
		// categories, and on the client thousands of awaited cache hits lose Dexie's transaction.
		const checked = new Set<string>();
		for (const [row, product] of products.entries()) {
			if (seen.has(product.id))
				throw new DomainError('duplicate_row', `Row ${row + 1} repeats a product already in this import.`);
			seen.add(product.id);
			if (product.categoryId === null || checked.has(product.categoryId)) continue;
			checked.add(product.categoryId);
			if (!(await tx.get('categories', product.categoryId))) {
				throw new DomainError('category_not_found', `Row ${row + 1}: the category does not exist.`);
			}
		}
		for (const product of products) await tx.put('products', product);
	}
});

export const savePricingBook = defineMutation({
	name: 'savePricingBook',
	permission: 'pricingBookEditor',
	stores: ['pricingBooks', 'companies'],
	args: pricingBookSchema,
	async apply(tx, book) {
		for (const companyId of book.companyIds) {
			if (!(await tx.get('companies', companyId))) throw DomainError.of('companyNotFound');
		}
		await tx.put('pricingBooks', { ...book, companyIds: [...new Set(book.companyIds)] });
	}
});

export const deletePricingBook = defineMutation({
	name: 'deletePricingBook',
	permission: 'pricingBookEditor',
	stores: ['pricingBooks'],
	args: z.object({ id }).strict(),
	async apply(tx, { id }) {
		await tx.delete('pricingBooks', id);
	}
});
