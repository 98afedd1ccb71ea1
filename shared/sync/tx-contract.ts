// The Tx contract, written once and run against every implementation (memory, SQL, Dexie):
// what get, put, delete and byIndex promise to the mutations written against them.
// It needs only a fresh, empty Tx per test; how that Tx is made and torn down is the caller's business.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCompany, buildQuote, buildQuoteLine } from '../test/builders.ts';
import type { Tx } from './tx.ts';

export type TxFactory = () => Promise<{ tx: Tx; close(): Promise<void> }>;

export function runTxContract(name: string, makeTx: TxFactory): void {
	describe(`Tx contract: ${name}`, () => {
		let tx: Tx;
		let close: () => Promise<void>;

		beforeEach(async () => {
			({ tx, close } = await makeTx());
		});
		afterEach(async () => {
			await close();
		});

		it('get of a row that was never written is undefined', async () => {
			expect(await tx.get('quotes', 'quote-missing')).toBeUndefined();
		});

		it('put then get returns the row with every field intact', async () => {
			const quote = buildQuote({ title: 'Zürich office — phase 2', notes: 'line 1\nline 2', validUntil: '2027-01-31' });
			const line = buildQuoteLine({
				quoteId: quote.id,
				quantity: 2.5,
				position: 'a1V',
				unitPrice: -1_250,
				productId: 'p-1'
			});
			await tx.put('quotes', quote);
			await tx.put('quoteLines', line);
			expect(await tx.get('quotes', quote.id)).toEqual(quote);
			expect(await tx.get('quoteLines', line.id)).toEqual(line);
		});

		it('put overwrites the whole row, it does not merge', async () => {
			const first = buildQuote({ title: 'First', notes: 'keep me?' });
			const second = { ...first, title: 'Second', notes: '', status: 'sent' as const, number: 'Q-00042' };
			await tx.put('quotes', first);
			await tx.put('quotes', second);
			expect(await tx.get('quotes', first.id)).toEqual(second);
		});

		it('keeps tables apart: the same id in two tables names two rows', async () => {
			const company = buildCompany({ id: 'shared-id', name: 'A company' });
			const quote = buildQuote({ id: 'shared-id', companyId: company.id, title: 'A quote' });
			await tx.put('companies', company);
			await tx.put('quotes', quote);
			expect(await tx.get('companies', 'shared-id')).toEqual(company);
			expect(await tx.get('quotes', 'shared-id')).toEqual(quote);
			await tx.delete('quotes', 'shared-id');
			expect(await tx.get('companies', 'shared-id')).toEqual(company);
		});

		it('delete then get is undefined', async () => {
			const company = buildCompany();
			await tx.put('companies', company);
			await tx.delete('companies', company.id);
			expect(await tx.get('companies', company.id)).toBeUndefined();
		});

		it('deleting a row that does not exist is a no-op, also when done twice', async () => {
			const company = buildCompany();
			await tx.put('companies', company);
			await expect(tx.delete('companies', 'company-never-written')).resolves.toBeUndefined();
			await tx.delete('companies', company.id);
			await expect(tx.delete('companies', company.id)).resolves.toBeUndefined();
			expect(await tx.get('companies', company.id)).toBeUndefined();
		});

		it('put after delete brings the row back with the new value', async () => {
			const quote = buildQuote({ title: 'Before' });
			await tx.put('quotes', quote);
			await tx.delete('quotes', quote.id);
			await tx.put('quotes', { ...quote, title: 'After' });
			expect(await tx.get('quotes', quote.id)).toEqual({ ...quote, title: 'After' });
		});

		it('all returns every live row of the table, ordered by id in code-unit order', async () => {
			const ids = ['role-b', 'Role-c', 'role-a', 'role_a'];
			for (const id of ids) await tx.put('roles', { id, name: id, permissions: ['quoteEditor'] });
			await tx.delete('roles', 'role-b');
			expect((await tx.all('roles')).map((r) => r.id)).toEqual(['Role-c', 'role-a', 'role_a']);
			expect(await tx.all('authSettings')).toEqual([]);
		});

		it('byIndex returns exactly the rows with that value, ordered by id in code-unit order', async () => {
			const quoteId = 'quote-ordered';
			// Mixed case and punctuation: code-unit order differs from most human collations here.
			const ids = ['line-b', 'Line-c', 'line_a', 'lineA', 'line-a10', 'line-a2'];
			for (const id of ids) await tx.put('quoteLines', buildQuoteLine({ id, quoteId }));
			await tx.put('quoteLines', buildQuoteLine({ id: 'line-other', quoteId: 'quote-other' }));
			await tx.put('quoteLines', buildQuoteLine({ id: 'line-prefix', quoteId: 'quote-ordered-2' }));
			const found = await tx.byIndex('quoteLines', 'quoteId', quoteId);
			expect(found.map((l) => l.id)).toEqual([...ids].sort());
			expect(found.map((l) => l.id)).toEqual(['Line-c', 'line-a10', 'line-a2', 'line-b', 'lineA', 'line_a']);
			expect(found.every((l) => l.quoteId === quoteId)).toBe(true);
		});

		it('byIndex keeps id order as rows join a value already listed', async () => {
			const quoteId = 'quote-growing';
			await tx.put('quoteLines', buildQuoteLine({ id: 'line-m', quoteId }));
			expect((await tx.byIndex('quoteLines', 'quoteId', quoteId)).map((l) => l.id)).toEqual(['line-m']);
			for (const id of ['line-z', 'line-a', 'line-n']) await tx.put('quoteLines', buildQuoteLine({ id, quoteId }));
			await tx.put('quoteLines', buildQuoteLine({ id: 'line-m', quoteId, description: 'Written again' }));
			const found = await tx.byIndex('quoteLines', 'quoteId', quoteId);
			expect(found.map((l) => l.id)).toEqual(['line-a', 'line-m', 'line-n', 'line-z']);
			expect(found[1]!.description).toBe('Written again');
		});

		it('byIndex returns whole rows equal to what was put', async () => {
			const line = buildQuoteLine({ quoteId: 'quote-whole', description: 'Cabling per drop', quantity: 8 });
			await tx.put('quoteLines', line);
			expect(await tx.byIndex('quoteLines', 'quoteId', 'quote-whole')).toEqual([line]);
			const quote = buildQuote({ companyId: 'company-indexed' });
			await tx.put('quotes', quote);
			expect(await tx.byIndex('quotes', 'companyId', 'company-indexed')).toEqual([quote]);
		});

		it('byIndex of a value no row has is empty', async () => {
			await tx.put('quoteLines', buildQuoteLine({ quoteId: 'quote-a' }));
			expect(await tx.byIndex('quoteLines', 'quoteId', 'quote-nobody')).toEqual([]);
		});

		it('byIndex leaves out deleted rows', async () => {
			const keep = buildQuoteLine({ id: 'line-keep', quoteId: 'quote-d' });
			const drop = buildQuoteLine({ id: 'line-drop', quoteId: 'quote-d' });
			await tx.put('quoteLines', keep);
			await tx.put('quoteLines', drop);
			await tx.delete('quoteLines', drop.id);
			expect(await tx.byIndex('quoteLines', 'quoteId', 'quote-d')).toEqual([keep]);
		});

		it('byIndex follows a put that changes the indexed field', async () => {
			const quote = buildQuote({ companyId: 'company-from' });
			await tx.put('quotes', quote);
			await tx.put('quotes', { ...quote, companyId: 'company-to' });
			expect(await tx.byIndex('quotes', 'companyId', 'company-from')).toEqual([]);
			expect(await tx.byIndex('quotes', 'companyId', 'company-to')).toEqual([{ ...quote, companyId: 'company-to' }]);
		});

		it('greatestByIndex answers the greatest key in code-unit order among the live rows with that value', async () => {
			const quoteId = 'quote-keys';
			for (const [id, position] of [
				['line-1', 'a0'],
				['line-2', 'aZ'],
				['line-3', 'a1'],
				['line-4', 'a2']
			] as const)
				await tx.put('quoteLines', buildQuoteLine({ id, quoteId, position }));
			await tx.put('quoteLines', buildQuoteLine({ id: 'line-other', quoteId: 'quote-other', position: 'b00' }));
			expect(await tx.greatestByIndex('quoteLines', 'quoteId', quoteId, 'position')).toBe('aZ');
			await tx.delete('quoteLines', 'line-2');
			expect(await tx.greatestByIndex('quoteLines', 'quoteId', quoteId, 'position')).toBe('a2');
			await tx.put('quoteLines', buildQuoteLine({ id: 'line-4', quoteId, position: 'a4' }));
			expect(await tx.greatestByIndex('quoteLines', 'quoteId', quoteId, 'position')).toBe('a4');
		});

		it('greatestByIndex of a value no row has is null', async () => {
			await tx.put('quoteLines', buildQuoteLine({ quoteId: 'quote-a', position: 'a0' }));
			expect(await tx.greatestByIndex('quoteLines', 'quoteId', 'quote-nobody', 'position')).toBeNull();
		});

		it('hands out copies: changing a row object after put or after get does not change the stored row', async () => {
			const quote = buildQuote({ title: 'Original' });
			await tx.put('quotes', quote);
			quote.title = 'Changed after put';
			const read = await tx.get('quotes', quote.id);
			expect(read?.title).toBe('Original');
			read!.title = 'Changed after get';
			expect((await tx.get('quotes', quote.id))?.title).toBe('Original');
			const [listed] = await tx.byIndex('quotes', 'companyId', quote.companyId);
			listed!.title = 'Changed after byIndex';
			expect((await tx.get('quotes', quote.id))?.title).toBe('Original');
		});
	});
}
