import { describe, expect, it } from 'vitest';
import { buildQuote, buildQuoteLine } from '../test/builders.ts';
import { createMemoryTx } from './memory-tx.ts';
import { runTxContract } from './tx-contract.ts';

runTxContract('memory', async () => ({ tx: createMemoryTx(), close: async () => {} }));

describe('createMemoryTx', () => {
	it('starts from the rows it is given, copied', async () => {
		const quote = buildQuote();
		const tx = createMemoryTx({ quotes: [quote] });
		quote.title = 'changed outside';
		expect((await tx.get('quotes', quote.id))?.title).toBe('Laptop refresh');
	});

	it('dumps every table in id order', async () => {
		const b = buildQuoteLine({ id: 'b' });
		const a = buildQuoteLine({ id: 'a' });
		const tx = createMemoryTx({ quoteLines: [b, a] });
		expect(tx.dump()).toEqual({
			companies: [],
			quotes: [],
			quoteLines: [a, b],
			contacts: [],
			categories: [],
			products: [],
			pricingBooks: [],
			users: [],
			roles: [],
			authSettings: [],
			issues: [],
			integrations: [],
			ticketCharges: [],
			opportunities: [],
			orgProfile: [],
			incidents: [],
			reindexRuns: [],
			activity: [],
			tickets: [],
			quoteCharges: [],
			distributors: [],
			billingCodeUpdates: [],
			skippedCharges: [],
			staff: []
		});
	});

	it('refuses byIndex on a field that is not the table index', async () => {
		const tx = createMemoryTx();
		await expect(tx.byIndex('quoteLines', 'description' as 'quoteId', 'x')).rejects.toThrow(/no index/);
	});
});
