import { describe, expect, it } from 'vitest';
import { createMemoryTx } from '../../shared/sync/memory-tx.ts';
import { buildCompany, buildQuote, buildQuoteLine, buildUser } from '../../shared/test/builders.ts';
import { loadQuoteToSync, SYNC_INPUT_MESSAGES } from './sync-inputs.ts';

const company = buildCompany({ id: 'company-acme' });
const owner = buildUser({ id: 'user-owner' });
const quote = buildQuote({ id: 'quote-acme', companyId: company.id, ownerId: owner.id });

describe('loadQuoteToSync', () => {
	it('hands over the quote with its lines in the order the quote shows them, its company and owner', async () => {
		const lines = [
			buildQuoteLine({ id: 'line-b', quoteId: quote.id, position: 'a1' }),
			buildQuoteLine({ id: 'line-c', quoteId: quote.id, position: 'a0' }),
			buildQuoteLine({ id: 'line-a', quoteId: quote.id, position: 'a1' })
		];
		const data = createMemoryTx({ quotes: [quote], companies: [company], users: [owner], quoteLines: lines });

		const loaded = await loadQuoteToSync(data, quote.id);

		expect(loaded).toMatchObject({ ok: true, value: { quote, company, owner, contact: null } });
		expect(loaded.ok && loaded.value.lines.map((l) => l.id)).toEqual(['line-c', 'line-a', 'line-b']);
	});

	it('fails permanently, in words, when the quote or its company is gone', async () => {
		expect(await loadQuoteToSync(createMemoryTx({}), quote.id)).toEqual({
			ok: false,
			kind: 'permanent',
			message: SYNC_INPUT_MESSAGES.quoteGone
		});
		expect(await loadQuoteToSync(createMemoryTx({ quotes: [quote] }), quote.id)).toEqual({
			ok: false,
			kind: 'permanent',
			message: SYNC_INPUT_MESSAGES.companyGone
		});
	});
});
