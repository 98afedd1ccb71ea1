// Quote charges over HTTP on a real gateway: attaching an accepted quote to a ticket of its company
// makes Pending charges and queues their sync in the push transaction; a declined revision and a
// changed category mapping cancel them per the seed; an admin cancels and re-orders; nobody else may.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { quoteContentHash } from '../../shared/quotes/content-hash.ts';
import type { QuoteCharge } from '../../shared/schema/quote-charge-entities.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { readEntity } from '../store/entity-reader.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { putIntegration, putQuoteCharge, putTicket } from '../test/psa-rows.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { replay, syncClient, uid } from '../test/wire-client.ts';

describe.each(STORE_KINDS)('quote charges over HTTP on $name', (kind) => {
	let gw: Gateway;
	let admin: ReturnType<typeof syncClient>;
	let sales: ReturnType<typeof syncClient>;
	let customer: ReturnType<typeof syncClient>;

	const read = <T extends 'quotes' | 'quoteLines' | 'quoteCharges'>(table: T, id: string) =>
		readEntity(gw.store.db, DEMO_ORG.id, table, id);
	const chargesOf = async (quoteId: string): Promise<QuoteCharge[]> =>
		(
			await gw.store.db
				.selectFrom('entities')
				.select('value')
				.where('org_id', '=', DEMO_ORG.id)
				.where('tbl', '=', 'quoteCharges')
				.where('deleted', '=', 0)
				.orderBy('id')
				.execute()
		)
			.map((row) => JSON.parse(row.value) as QuoteCharge)
			.filter((charge) => charge.quoteId === quoteId);
	const jobsOf = (entityId: string) =>
		gw.store.db
			.selectFrom('jobs')
			.select(['provider', 'kind', 'status'])
			.where('org_id', '=', DEMO_ORG.id)
			.where('entity_id', '=', entityId)
			.execute();

	async function applied(client: ReturnType<typeof syncClient>, ...[name, args]: Parameters<typeof client.m>) {
		const res = await client.push([client.m(name, args)]);
		expect(res.body.results[0], JSON.stringify(res.body)).toMatchObject({ status: 'applied' });
	}

	async function sentQuote(): Promise<{ id: string; lineIds: string[] }> {
		const id = uid('q');
		const lineIds = [uid('l'), uid('l')];
		await applied(sales, 'createQuote', { id, companyId: 'company-acme', title: 'Laptops' });
		for (const lineId of lineIds) {
			await applied(sales, 'addQuoteLine', {
				id: lineId,
				quoteId: id,
				description: 'Laptop',
				quantity: 2,
				unitPrice: 100_00
			});
		}
		await applied(sales, 'updateQuote', { id, status: 'sent' });
		return { id, lineIds };
	}

	async function acceptedQuote(): Promise<{ id: string; lineIds: string[] }> {
		const quote = await sentQuote();
		const lines = await Promise.all(quote.lineIds.map(async (lineId) => (await read('quoteLines', lineId))!));
		const contentHash = quoteContentHash((await read('quotes', quote.id))!, lines);
		await applied(customer, 'acceptQuote', { id: quote.id, name: 'Carla Customer', contentHash });
		return quote;
	}

	beforeAll(async () => {
		gw = await startGateway(kind);
		admin = syncClient(await gw.login('admin@demo.outpost.test'));
		sales = syncClient(await gw.login('sales@demo.outpost.test'));
		customer = syncClient(await gw.login('customer@acme.outpost.test'));
		await putIntegration(gw, 'autotask', { configured: true });
	});
	afterAll(async () => {
		await gw?.close();
	});

	it('a Quote editor attaches an accepted quote: one Pending charge per line, and their sync queued', async () => {
		const quote = await acceptedQuote();
		const ticket = await putTicket(gw, 'company-acme');

		await applied(sales, 'attachQuoteToTicket', { quoteId: quote.id, ticketId: ticket.id });

		expect((await chargesOf(quote.id)).map((c) => [c.quoteLineId, c.ticketId, c.status, c.unitPrice])).toEqual(
			quote.lineIds.map((lineId) => [lineId, ticket.id, 'pending', 100_00]).sort()
		);
		expect(await jobsOf(quote.id)).toEqual([{ provider: 'autotask', kind: 'syncQuoteCharges', status: 'queued' }]);
	});

	it.each([
		['a quote not accepted', 'sent', 'company-acme', ERRORS.quoteNotAccepted],
		["a ticket of another company than the quote's", 'accepted', 'company-globex', ERRORS.ticketOfAnotherCompany]
	] as const)('attaching %s is refused and charges nothing', async (_, status, ticketCompany, error) => {
		const quote = status === 'accepted' ? await acceptedQuote() : await sentQuote();
		const ticket = await putTicket(gw, ticketCompany);

		const res = await sales.push([sales.m('attachQuoteToTicket', { quoteId: quote.id, ticketId: ticket.id })]);

		expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: error.code, message: error.message });
		expect(await chargesOf(quote.id)).toEqual([]);
	});

	it('a ticket that does not exist, and a second attach, are refused', async () => {
		const quote = await acceptedQuote();
		const missing = await sales.push([sales.m('attachQuoteToTicket', { quoteId: quote.id, ticketId: uid('t') })]);
		expect(missing.body.results[0]).toMatchObject({ status: 'rejected', code: ERRORS.ticketNotFound.code });

		await applied(sales, 'attachQuoteToTicket', {
			quoteId: quote.id,
			ticketId: (await putTicket(gw, 'company-acme')).id
		});
		const again = await sales.push([
			sales.m('attachQuoteToTicket', { quoteId: quote.id, ticketId: (await putTicket(gw, 'company-acme')).id })
		]);
		expect(again.body.results[0]).toMatchObject({ status: 'rejected', code: ERRORS.quoteAlreadyAttached.code });
		expect(await chargesOf(quote.id)).toHaveLength(2);
	});

	it('the customer declining a revision cancels the charges of the quote it revises, in the PSA too', async () => {
		const quote = await acceptedQuote();
		const ticket = await putTicket(gw, 'company-acme');
		await applied(sales, 'attachQuoteToTicket', { quoteId: quote.id, ticketId: ticket.id });
		const [first] = await chargesOf(quote.id);
		await putQuoteCharge(gw, quote.id, { ...first!, status: 'synced', externalId: '31007' });
		const revision = uid('q');
		await applied(sales, 'reviseQuote', { id: quote.id, newId: revision, lineIds: [uid('l'), uid('l')] });
		await applied(sales, 'updateQuote', { id: revision, status: 'sent' });
		await gw.store.db.updateTable('jobs').set({ status: 'done', lock_key: null }).execute();

		await applied(customer, 'declineQuote', { id: revision, reason: 'Too dear' });

		expect((await chargesOf(quote.id)).map((c) => [c.status, c.psaCancelPending, c.cancelReason])).toEqual([
			['cancelled', true, 'quoteWithdrawn'],
			['cancelled', false, 'quoteWithdrawn']
		]);
		expect((await jobsOf(quote.id)).filter((job) => job.status === 'queued')).toEqual([
			{ provider: 'autotask', kind: 'syncQuoteCharges', status: 'queued' }
		]);
	});

	it("a changed category mapping cancels that category's charges to re-order; only an admin re-orders", async () => {
		const category = uid('cat');
		const product = uid('p');
		await applied(admin, 'saveCategory', {
			id: category,
			name: 'Docks',
			defaultMarkupPercent: 10,
			billingCodeId: '101'
		});
		const quoteId = uid('q');
		const synced = await putQuoteCharge(gw, quoteId, {
			categoryId: category,
			productId: product,
			billingCodeId: '101'
		});

		await applied(admin, 'saveCategory', {
			id: category,
			name: 'Docks',
			defaultMarkupPercent: 10,
			billingCodeId: '202'
		});

		expect(await read('quoteCharges', synced.id)).toMatchObject({
			status: 'cancelled',
			psaCancelPending: true,
			cancelReason: 'billingCodeChanged',
			reorder: true
		});
		const refused = await sales.push([sales.m('reorderQuoteCharges', { quoteId })]);
		expect(refused.body.results[0]).toMatchObject({ status: 'rejected', code: ERRORS.forbidden.code });
	});

	it('only an admin cancels a charge by hand', async () => {
		const charge = await putQuoteCharge(gw, uid('q'));
		const refused = await sales.push([sales.m('cancelQuoteCharge', { id: charge.id })]);
		expect(refused.body.results[0]).toMatchObject({ status: 'rejected', code: ERRORS.forbidden.code });

		await applied(admin, 'cancelQuoteCharge', { id: charge.id });
		expect(await read('quoteCharges', charge.id)).toMatchObject({ status: 'cancelled', cancelReason: 'admin' });
	});

	it('a customer pulls neither charges nor tickets; a Quote editor pulls both', async () => {
		const ticket = await putTicket(gw, 'company-acme');
		const charge = await putQuoteCharge(gw, uid('q'));
		const seenBy = async (client: ReturnType<typeof syncClient>) => replay(await client.pullAll(null));
		const theirs = await seenBy(customer);
		expect(theirs.has(`tickets/${ticket.id}`)).toBe(false);
		expect(theirs.has(`quoteCharges/${charge.id}`)).toBe(false);
		const ours = await seenBy(sales);
		expect(ours.has(`tickets/${ticket.id}`)).toBe(true);
		expect(ours.has(`quoteCharges/${charge.id}`)).toBe(true);
	});
});
