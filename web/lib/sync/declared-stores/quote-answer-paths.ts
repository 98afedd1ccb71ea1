// What follows a sent quote: the customer's answer, and the charges of an accepted one on a PSA ticket
// (run as an admin, who may do each).

import { chargeId, newCharge } from '../../../../shared/quotes/charge-rules.ts';
import { quoteContentHash } from '../../../../shared/quotes/content-hash.ts';
import { buildCompany, buildQuote, buildQuoteLine, TEST_NOW } from '../../../../shared/test/builders.ts';
import { buildProduct } from '../../catalog/test-products.ts';
import { admin, path, type PathFamily } from './path-family.ts';

const sent = buildQuote({ id: 'q-sent', companyId: 'company-acme', status: 'sent' });
const sentLine = buildQuoteLine({ id: 'l-sent', quoteId: 'q-sent', quantity: 1, unitPrice: 100 });
const dock = buildProduct({ id: 'p-dock', categoryId: 'cat-acc' });
const wonLine = (id: string, quoteId: string) => buildQuoteLine({ id, quoteId, productId: 'p-dock', quantity: 2 });
const charged = wonLine('l-old', 'q-old');
const catalog = { product: () => undefined, category: () => undefined };

export const quoteAnswerPaths: PathFamily = {
	name: 'quote answers and charges',
	as: admin,
	async seed(db) {
		await db.companies.put(buildCompany({ id: 'company-acme' }));
		await db.categories.put({ id: 'cat-acc', name: 'Accessories', defaultMarkupPercent: 30, billingCodeId: 'bc-1' });
		await db.products.put(dock);
		await db.quotes.bulkPut([
			sent,
			buildQuote({ id: 'q-won', companyId: 'company-acme', status: 'accepted' }),
			buildQuote({ id: 'q-old', companyId: 'company-acme', status: 'accepted' })
		]);
		await db.quoteLines.bulkPut([sentLine, wonLine('l-won', 'q-won'), charged]);
		await db.tickets.put({
			id: 't1',
			provider: 'autotask',
			externalId: '1',
			number: 'T20261101.0001',
			title: 'Install',
			companyId: 'company-acme',
			status: 'New'
		});
		await db.quoteCharges.put(newCharge(charged, 't1', 1, catalog, TEST_NOW));
	},
	paths: {
		acceptQuote: [
			path({ id: 'q-sent', name: 'Dana', contentHash: quoteContentHash(sent, [sentLine]) }),
			path({ id: 'q-sent', name: 'Dana', contentHash: 'stale' }, 'quote_changed'),
			path({ id: 'q-won', name: 'Dana', contentHash: 'stale' }, 'not_awaiting_answer')
		],
		declineQuote: [path({ id: 'q-sent', reason: 'Too dear' }), path({ id: 'q-ghost', reason: '' }, 'quote_not_found')],
		attachQuoteToTicket: [
			path({ quoteId: 'q-won', ticketId: 't1' }),
			path({ quoteId: 'q-old', ticketId: 't1' }, 'quote_already_attached'),
			path({ quoteId: 'q-won', ticketId: 't-ghost' }, 'ticket_not_found')
		],
		cancelQuoteCharge: [path({ id: chargeId('l-old', 1) }), path({ id: 'charge-ghost' }, 'quote_charge_not_found')],
		reorderQuoteCharges: [path({ quoteId: 'q-old' }), path({ quoteId: 'q-ghost' }, 'quote_not_found')]
	}
};
