import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS } from '../../../shared/mutations/catalog-mutations.ts';
import { buildProduct } from './test-products.ts';
import { PUSH_LIMITS } from '../../../shared/sync/protocol.ts';
import { chunkImport, IMPORT_CHUNK_BYTES } from './import-chunks.ts';

const products = (n: number, description = '') =>
	Array.from({ length: n }, (_, k) => buildProduct({ id: `p-${k}`, sku: `SKU-${k}`, description }));

describe('chunkImport', () => {
	it('keeps a small file in one chunk', () => {
		const file = products(3);
		expect(chunkImport(file)).toEqual([file]);
	});

	it('splits by rows at the mutation’s cap, keeping the file’s order', () => {
		const file = products(2 * IMPORT_MAX_ROWS + 1);
		const chunks = chunkImport(file);
		expect(chunks.map((c) => c.length)).toEqual([IMPORT_MAX_ROWS, IMPORT_MAX_ROWS, 1]);
		expect(chunks.flat()).toEqual(file);
	});

	it('splits by size when the rows are long, each chunk under half the cap per change', () => {
		const file = products(600, 'x'.repeat(4_000));
		const chunks = chunkImport(file);
		const sizes = chunks.map((c) => new TextEncoder().encode(JSON.stringify({ products: c })).length);
		expect(chunks.length).toBe(5);
		expect(sizes.every((s) => s <= IMPORT_CHUNK_BYTES + 100)).toBe(true);
		expect(IMPORT_CHUNK_BYTES).toBe(PUSH_LIMITS.maxArgsBytes / 2);
		expect(chunks.flat()).toEqual(file);
	});

	it('has nothing to send for an empty plan', () => {
		expect(chunkImport([])).toEqual([]);
	});
});
