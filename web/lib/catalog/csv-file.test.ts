import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-file.ts';

describe('readCsv', () => {
	it('splits the header row from the data rows, quotes and all', async () => {
		const text = '\uFEFFname,sku,description\r\n"Dock, USB-C",D-1,"Says ""hello""\non two lines"\r\nCable,C-1,\r\n';
		const content = await readCsv(text);
		expect(content.headers).toEqual(['name', 'sku', 'description']);
		expect(content.rows).toEqual([['Dock, USB-C', 'D-1', 'Says "hello"\non two lines'], ['Cable', 'C-1', ''], ['']]);
		expect(content.issues).toEqual([]);
	});

	it('keeps blank lines, so row numbers match the file', async () => {
		const content = await readCsv('name,sku\nA,1\n\nB,2');
		expect(content.rows).toEqual([['A', '1'], [''], ['B', '2']]);
	});

	it('reports a row it cannot read, with its row number', async () => {
		const content = await readCsv('name,sku\nA,1\n"B,2\n');
		expect(content.issues).toEqual([expect.objectContaining({ row: 3, field: 'File' })]);
	});

	it('numbers a bad row in a later chunk from the start of the file', async () => {
		const good = Array.from({ length: 10_000 }, (_, k) => `Product number ${k},SKU-${k}`).join('\n');
		const content = await readCsv(`name,sku\n${good}\n"Broken,SKU-X\n`);
		expect(content.issues.map((i) => i.row)).toEqual([10_002]);
	});

	it('reports progress up to the whole input, chunk by chunk', async () => {
		const text = `name,sku\n${Array.from({ length: 20_000 }, (_, k) => `Product number ${k},SKU-${k}`).join('\n')}`;
		const seen: number[] = [];
		const content = await readCsv(text, (f) => seen.push(f));
		expect(content.rows).toHaveLength(20_000);
		expect(seen.length).toBeGreaterThan(2);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		expect(seen.at(-1)).toBe(1);
	});

	it('reads an empty file as no headers and no rows', async () => {
		expect(await readCsv('')).toEqual({ headers: [], rows: [], issues: [] });
	});
});
