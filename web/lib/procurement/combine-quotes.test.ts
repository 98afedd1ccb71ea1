import { describe, expect, it } from 'vitest';
import { draftLine, draftOrder } from '../../../shared/procurement/purchase-order-rules.ts';
import type { Product } from '../../../shared/schema/catalog-entities.ts';
import { defaultDistributor } from '../../../shared/schema/distributor-entities.ts';
import type { PurchaseOrder } from '../../../shared/schema/purchase-order-entities.ts';
import { buildQuote, buildQuoteLine } from '../../../shared/test/builders.ts';
import {
	awaitingChoices,
	draftToJoin,
	linesByQuote,
	orderCost,
	quoteLabel,
	quotesToAdd,
	unorderedLines,
	type OrderingFacts
} from './combine-quotes.ts';

const product = (id: string, overrides: Partial<Product> = {}): Product => ({
	id,
	name: id,
	sku: `${id}-sku`,
	mpn: `${id}-mpn`,
	description: '',
	categoryId: null,
	cost: 100,
	price: 200,
	billing: 'one-time',
	distributor: 'ingram',
	noProcurement: false,
	active: true,
	...overrides
});

const PRODUCTS = new Map(
	[
		product('ap'),
		product('switch', { distributor: 'tdsynnex' }),
		product('labour', { noProcurement: true, distributor: null })
	].map((p) => [p.id, p])
);
const DISTRIBUTORS = [
	{ ...defaultDistributor('ingrammicro'), orderingEnabled: true },
	{ ...defaultDistributor('tdsynnex'), orderingEnabled: true }
];

const quoteLine = (id: string, quoteId: string, productId: string, unitPrice = 1_000) =>
	buildQuoteLine({ id, quoteId, productId, unitPrice, quantity: 1 });

const draft = (id: string, distributor: PurchaseOrder['distributor'], createdAt = 1): PurchaseOrder => ({
	...draftOrder(id, distributor, 'q-first', 'user-buyer', createdAt)
});

function facts(overrides: Partial<OrderingFacts> = {}): OrderingFacts {
	return {
		quoteLines: [
			quoteLine('a1', 'q-aps', 'ap'),
			quoteLine('a2', 'q-aps', 'ap'),
			quoteLine('a3', 'q-aps', 'labour'),
			quoteLine('s1', 'q-switch', 'switch'),
			quoteLine('m1', 'q-mixed', 'ap'),
			quoteLine('m2', 'q-mixed', 'switch')
		],
		products: PRODUCTS,
		orderLines: [],
		distributors: DISTRIBUTORS,
		...overrides
	};
}

const accepted = (id: string, updatedAt: number, number: string | null = null) =>
	buildQuote({ id, status: 'accepted', updatedAt, number, title: `Title ${id}` });

describe('combining quotes into one order', () => {
	it('counts the lines still to order by distributor, leaving out what needs no procurement', () => {
		expect([...unorderedLines('q-aps', facts())]).toEqual([['ingrammicro', 2]]);
		expect([...unorderedLines('q-mixed', facts())]).toEqual([
			['ingrammicro', 1],
			['tdsynnex', 1]
		]);
	});

	it('offers a draft the accepted quotes with lines for its distributor, newest first, with what else they bring', () => {
		const quotes = [
			accepted('q-aps', 1),
			accepted('q-switch', 2),
			accepted('q-mixed', 3),
			buildQuote({ id: 'q-sent' })
		];
		const offered = quotesToAdd(draft('po-1', 'ingrammicro'), quotes, new Map([['company-acme', 'Acme']]), facts());
		expect(offered.map((o) => [o.quote.id, o.companyName, o.lines, o.elsewhere])).toEqual([
			['q-mixed', 'Acme', 1, 1],
			['q-aps', 'Acme', 2, 0]
		]);
	});

	it('offers no quote whose lines are all on live orders already', () => {
		const ordered = draft('po-2', 'ingrammicro');
		const orderLines = ['a1', 'a2'].map((id, i) =>
			draftLine({ ...ordered, lineCount: i }, quoteLine(id, 'q-aps', 'ap'), PRODUCTS.get('ap')!, 1)
		);
		const offered = quotesToAdd(draft('po-1', 'ingrammicro'), [accepted('q-aps', 1)], new Map(), facts({ orderLines }));
		expect(offered).toEqual([]);
	});

	it('offers again a quote whose order was canceled', () => {
		const ordered = draft('po-2', 'ingrammicro');
		const orderLines = ['a1', 'a2'].map((id, i) => ({
			...draftLine({ ...ordered, lineCount: i }, quoteLine(id, 'q-aps', 'ap'), PRODUCTS.get('ap')!, 1),
			status: 'canceled' as const
		}));
		const offered = quotesToAdd(draft('po-1', 'ingrammicro'), [accepted('q-aps', 1)], new Map(), facts({ orderLines }));
		expect(offered.map((o) => o.lines)).toEqual([2]);
	});

	it('offers nothing to an order past the draft', () => {
		const submitted = { ...draft('po-1', 'ingrammicro'), status: 'submitted' as const };
		expect(quotesToAdd(submitted, [accepted('q-aps', 1)], new Map(), facts())).toEqual([]);
	});

	it('lets a quote join the oldest draft of the one distributor its lines go to', () => {
		const orders = [
			draft('po-new', 'ingrammicro', 5),
			draft('po-old', 'ingrammicro', 2),
			draft('po-td', 'tdsynnex', 1)
		];
		expect(draftToJoin(unorderedLines('q-aps', facts()), orders)?.id).toBe('po-old');
	});

	it("does not offer another distributor's draft", () => {
		expect(draftToJoin(unorderedLines('q-switch', facts()), [draft('po-im', 'ingrammicro')])).toBeNull();
	});

	it('offers no draft to a quote whose lines go to both distributors', () => {
		const orders = [draft('po-im', 'ingrammicro'), draft('po-td', 'tdsynnex')];
		expect(draftToJoin(unorderedLines('q-mixed', facts()), orders)).toBeNull();
	});

	it('gives each awaiting quote its one-time total and the draft it can join', () => {
		const [choice] = awaitingChoices(
			[{ quote: accepted('q-aps', 1), companyName: 'Acme' }],
			[draft('po-im', 'ingrammicro')],
			facts()
		);
		expect([choice?.total, choice?.join?.id]).toEqual([3_000, 'po-im']);
	});
});

describe('an order of several quotes', () => {
	const order = { ...draft('po-1', 'ingrammicro'), quoteIds: ['q-aps', 'q-mixed'] };
	const lines = [
		draftLine({ ...order, lineCount: 0 }, quoteLine('a1', 'q-aps', 'ap'), PRODUCTS.get('ap')!, 1),
		draftLine({ ...order, lineCount: 1 }, quoteLine('m1', 'q-mixed', 'ap'), PRODUCTS.get('ap')!, 1),
		draftLine({ ...order, lineCount: 2 }, quoteLine('a2', 'q-aps', 'ap'), PRODUCTS.get('ap')!, 1)
	];

	it('groups its lines by quote, in the order the quotes joined, each labelled by number and title', () => {
		const quotes = new Map([
			['q-aps', { number: 'Q-1001', title: 'Access points' }],
			['q-mixed', { number: null, title: 'Mixed' }]
		]);
		expect(linesByQuote(order, lines, quotes).map((g) => [g.label, g.lines.map((l) => l.quoteLineId)])).toEqual([
			['Q-1001 · Access points', ['a1', 'a2']],
			['Mixed', ['m1']]
		]);
	});

	it('names a quote this device does not hold as untitled', () => {
		expect(quoteLabel(undefined)).toBe('Untitled quote');
	});

	it('costs the lines that are not canceled', () => {
		const costed = [
			{ ...lines[0]!, quantity: 2, unitCost: 500 },
			{ ...lines[1]!, unitCost: 300, status: 'canceled' as const }
		];
		expect(orderCost(costed)).toBe(1_000);
	});
});
