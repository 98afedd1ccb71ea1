import { describe, expect, it } from 'vitest';
import { buildQuote } from '../../../../shared/test/builders.ts';
import { companyQuotes } from './company-quotes.ts';

const acme = { id: 'company-acme', name: 'Acme Corporation' };

describe('companyQuotes', () => {
	it("keeps only the company's own quotes, newest change first", () => {
		const quotes = [
			buildQuote({ id: 'old', updatedAt: 1 }),
			buildQuote({ id: 'other', companyId: 'company-globex', updatedAt: 3 }),
			buildQuote({ id: 'new', updatedAt: 2 })
		];
		expect(companyQuotes(acme, quotes).map((q) => q.id)).toEqual(['new', 'old']);
	});

	it('names each row after the company', () => {
		expect(companyQuotes(acme, [buildQuote()])[0]?.companyName).toBe('Acme Corporation');
	});
});
