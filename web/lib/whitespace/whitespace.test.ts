import { describe, expect, it } from 'vitest';
import type { Category, Product } from '../../../shared/schema/catalog-entities.ts';
import { buildCompany, buildQuote, buildQuoteLine } from '../../../shared/test/builders.ts';
import { companyWhitespace, unplacedCount, whitespaceGrid, type WhitespaceInput } from './whitespace.ts';

// Catalog rows for these tests only (shared/test/builders.ts has no catalog factories yet).
function category(id: string, name = id): Category {
	return { id, name, defaultMarkupPercent: 0, billingCodeId: null };
}
function product(id: string, categoryId: string | null): Product {
	return {
		id,
		name: id,
		sku: '',
		mpn: '',
		description: '',
		categoryId,
		cost: 0,
		price: 100,
		billing: 'one-time',
		distributor: null,
		noProcurement: false,
		active: true
	};
}

const hardware = category('cat-hw', 'Hardware');
const licences = category('cat-lic', 'Licences');
const services = category('cat-svc', 'Services');
const acme = buildCompany({ id: 'acme', name: 'Acme' });
const globex = buildCompany({ id: 'globex', name: 'Globex' });
const msp = buildCompany({ id: 'msp', name: 'Northwind', isMsp: true });
const laptop = product('laptop', hardware.id);
const m365 = product('m365', licences.id);

function world(overrides: Partial<WhitespaceInput> = {}): WhitespaceInput {
	return {
		companies: [acme, globex, msp],
		quotes: [],
		lines: [],
		products: [laptop, m365],
		categories: [services, hardware, licences],
		...overrides
	};
}

function accepted(id: string, companyId: string, at: number, extra = {}) {
	return buildQuote({
		id,
		companyId,
		status: 'accepted',
		number: `Q-${id}`,
		title: `Quote ${id}`,
		acceptance: { name: 'C', at, contentHash: 'h' },
		...extra
	});
}

const boughtNames = (input: WhitespaceInput, companyId: string) =>
	companyWhitespace(whitespaceGrid(input), companyId)!.bought.map((b) => b.category.name);

describe('whitespaceGrid', () => {
	it('lists customer companies and categories by name, everything unbought at first', () => {
		const grid = whitespaceGrid(world());
		expect(grid.categories.map((c) => c.name)).toEqual(['Hardware', 'Licences', 'Services']);
		expect(grid.rows.map((r) => r.company.name)).toEqual(['Acme', 'Globex']);
		for (const row of grid.rows) {
			expect(row.cells.map((c) => c.bought)).toEqual([false, false, false]);
			expect(row.boughtCount).toBe(0);
			expect(row.unplaced).toEqual({ freeText: 0, unknownProduct: 0, uncategorised: 0 });
		}
	});

	it('leaves the MSP’s own company out', () => {
		expect(whitespaceGrid(world()).rows.some((r) => r.company.isMsp)).toBe(false);
	});

	it('orders same-named companies and categories by id, so the grid is stable', () => {
		const grid = whitespaceGrid(
			world({
				companies: [buildCompany({ id: 'b', name: 'Same' }), buildCompany({ id: 'a', name: 'Same' })],
				categories: [category('y', 'X'), category('x', 'X')]
			})
		);
		expect(grid.rows.map((r) => r.company.id)).toEqual(['a', 'b']);
		expect(grid.categories.map((c) => c.id)).toEqual(['x', 'y']);
	});

	it('marks a category bought from a product line of an accepted quote', () => {
		const input = world({
			quotes: [accepted('q1', acme.id, 10)],
			lines: [buildQuoteLine({ quoteId: 'q1', productId: laptop.id })]
		});
		const grid = whitespaceGrid(input);
		const row = grid.rows.find((r) => r.company.id === acme.id)!;
		expect(row.cells).toEqual([
			{
				categoryId: hardware.id,
				bought: true,
				purchases: [{ quoteId: 'q1', number: 'Q-q1', title: 'Quote q1', acceptedAt: 10 }]
			},
			{ categoryId: licences.id, bought: false, purchases: [] },
			{ categoryId: services.id, bought: false, purchases: [] }
		]);
		expect(row.boughtCount).toBe(1);
		expect(boughtNames(input, globex.id)).toEqual([]);
	});

	it('places a line by the category it carries, with no products on the device (Whitespace viewer alone)', () => {
		const input = world({
			products: [],
			quotes: [accepted('q1', acme.id, 10)],
			lines: [buildQuoteLine({ quoteId: 'q1', productId: laptop.id, categoryId: hardware.id })]
		});
		expect(boughtNames(input, acme.id)).toEqual(['Hardware']);
		expect(whitespaceGrid(input).rows.find((r) => r.company.id === acme.id)!.unplaced.unknownProduct).toBe(0);
	});

	it('goes by the category the line carries over the one its product has now', () => {
		const input = world({
			quotes: [accepted('q1', acme.id, 10)],
			lines: [buildQuoteLine({ quoteId: 'q1', productId: laptop.id, categoryId: licences.id })]
		});
		expect(boughtNames(input, acme.id)).toEqual(['Licences']);
	});

	it('places an old line without a category of its own by its product', () => {
		const { categoryId: _dropped, ...oldLine } = buildQuoteLine({ quoteId: 'q1', productId: m365.id });
		const input = world({ quotes: [accepted('q1', acme.id, 10)], lines: [oldLine as never] });
		expect(boughtNames(input, acme.id)).toEqual(['Licences']);
	});

	it.each(['draft', 'sent', 'declined', 'retracted'] as const)('does not count a %s quote', (status) => {
		const input = world({
			quotes: [buildQuote({ id: 'q1', companyId: acme.id, status })],
			lines: [buildQuoteLine({ quoteId: 'q1', productId: laptop.id })]
		});
		expect(boughtNames(input, acme.id)).toEqual([]);
	});

	it('does not count optional lines, which the customer did not take', () => {
		const input = world({
			quotes: [accepted('q1', acme.id, 1)],
			lines: [buildQuoteLine({ quoteId: 'q1', productId: laptop.id, optional: true })]
		});
		expect(boughtNames(input, acme.id)).toEqual([]);
	});

	it('does not count a line of quantity zero', () => {
		const input = world({
			quotes: [accepted('q1', acme.id, 1)],
			lines: [buildQuoteLine({ quoteId: 'q1', productId: laptop.id, quantity: 0 })]
		});
		expect(boughtNames(input, acme.id)).toEqual([]);
	});

	it('ignores lines of quotes it does not hold', () => {
		const input = world({ lines: [buildQuoteLine({ quoteId: 'missing', productId: laptop.id })] });
		expect(whitespaceGrid(input).rows.every((r) => r.boughtCount === 0 && unplacedCount(r.unplaced) === 0)).toBe(true);
	});

	it('counts a quote once per category however many of its lines are in it, newest quote first', () => {
		const input = world({
			quotes: [accepted('old', acme.id, 100), accepted('new', acme.id, 300)],
			lines: [
				buildQuoteLine({ quoteId: 'old', productId: laptop.id }),
				buildQuoteLine({ quoteId: 'old', productId: laptop.id }),
				buildQuoteLine({ quoteId: 'new', productId: laptop.id })
			]
		});
		const cell = whitespaceGrid(input).rows.find((r) => r.company.id === acme.id)!.cells[0]!;
		expect(cell.purchases.map((p) => p.quoteId)).toEqual(['new', 'old']);
	});

	it('dates a purchase by its acceptance, or by the last change for an old row without one', () => {
		const legacy = buildQuote({
			id: 'legacy',
			companyId: acme.id,
			status: 'accepted',
			acceptance: null,
			updatedAt: 42
		});
		const input = world({ quotes: [legacy], lines: [buildQuoteLine({ quoteId: 'legacy', productId: laptop.id })] });
		expect(whitespaceGrid(input).rows[0]!.cells[0]!.purchases[0]!.acceptedAt).toBe(42);
	});

	it('keeps each company’s purchases to itself', () => {
		const input = world({
			quotes: [accepted('qa', acme.id, 1), accepted('qg', globex.id, 1)],
			lines: [
				buildQuoteLine({ quoteId: 'qa', productId: laptop.id }),
				buildQuoteLine({ quoteId: 'qg', productId: m365.id })
			]
		});
		expect(boughtNames(input, acme.id)).toEqual(['Hardware']);
		expect(boughtNames(input, globex.id)).toEqual(['Licences']);
	});

	it('follows a quote moved to another company', () => {
		const input = world({
			quotes: [accepted('q1', globex.id, 1)],
			lines: [buildQuoteLine({ quoteId: 'q1', productId: laptop.id })]
		});
		expect(boughtNames(input, acme.id)).toEqual([]);
		expect(boughtNames(input, globex.id)).toEqual(['Hardware']);
	});

	it('counts, per company, lines it cannot place, and why', () => {
		const input = world({
			products: [laptop, product('loose', null), product('orphan', 'cat-deleted')],
			quotes: [accepted('q1', acme.id, 1)],
			lines: [
				buildQuoteLine({ quoteId: 'q1', productId: null }),
				buildQuoteLine({ quoteId: 'q1', productId: null }),
				buildQuoteLine({ quoteId: 'q1', productId: 'not-on-this-device' }),
				buildQuoteLine({ quoteId: 'q1', productId: 'loose' }),
				buildQuoteLine({ quoteId: 'q1', productId: 'orphan' }),
				buildQuoteLine({ quoteId: 'q1', productId: laptop.id })
			]
		});
		const grid = whitespaceGrid(input);
		const row = grid.rows.find((r) => r.company.id === acme.id)!;
		expect(row.unplaced).toEqual({ freeText: 2, unknownProduct: 1, uncategorised: 2 });
		expect(unplacedCount(row.unplaced)).toBe(5);
		expect(row.boughtCount).toBe(1);
		expect(grid.rows.find((r) => r.company.id === globex.id)!.unplaced).toEqual({
			freeText: 0,
			unknownProduct: 0,
			uncategorised: 0
		});
	});

	it('does not count optional or zero lines as unplaced either', () => {
		const input = world({
			quotes: [accepted('q1', acme.id, 1)],
			lines: [
				buildQuoteLine({ quoteId: 'q1', productId: null, optional: true }),
				buildQuoteLine({ quoteId: 'q1', productId: null, quantity: 0 })
			]
		});
		expect(unplacedCount(whitespaceGrid(input).rows[0]!.unplaced)).toBe(0);
	});

	it('is empty without companies, and has empty rows without categories', () => {
		expect(whitespaceGrid(world({ companies: [] })).rows).toEqual([]);
		const grid = whitespaceGrid(
			world({
				categories: [],
				quotes: [accepted('q1', acme.id, 1)],
				lines: [buildQuoteLine({ quoteId: 'q1', productId: laptop.id })]
			})
		);
		expect(grid.categories).toEqual([]);
		expect(grid.rows[0]!.cells).toEqual([]);
		// Its category is not on this device: the line cannot be placed.
		expect(grid.rows[0]!.unplaced.uncategorised).toBe(1);
	});

	it('does not change its input', () => {
		const input = world({
			quotes: [accepted('q1', acme.id, 1)],
			lines: [buildQuoteLine({ quoteId: 'q1', productId: laptop.id })]
		});
		const before = structuredClone(input);
		whitespaceGrid(input);
		expect(input).toEqual(before);
	});
});

describe('companyWhitespace', () => {
	it('splits one company’s row into bought (with quotes) and not bought, by category name', () => {
		const input = world({
			quotes: [accepted('q1', acme.id, 5)],
			lines: [buildQuoteLine({ quoteId: 'q1', productId: m365.id })]
		});
		expect(companyWhitespace(whitespaceGrid(input), acme.id)).toEqual({
			bought: [
				{ category: licences, purchases: [{ quoteId: 'q1', number: 'Q-q1', title: 'Quote q1', acceptedAt: 5 }] }
			],
			notBought: [hardware, services]
		});
	});

	it('is null for a company not in the grid (unknown, or the MSP)', () => {
		const grid = whitespaceGrid(world());
		expect(companyWhitespace(grid, 'nope')).toBeNull();
		expect(companyWhitespace(grid, msp.id)).toBeNull();
	});
});
