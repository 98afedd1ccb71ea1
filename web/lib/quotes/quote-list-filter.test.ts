import { describe, expect, it } from 'vitest';
import { buildQuote } from '../../../shared/test/builders.ts';
import {
	companyOptions,
	criteriaFromParams,
	criteriaToParams,
	DEFAULT_CRITERIA,
	filterQuotes,
	ownerOptions,
	statusCounts,
	type QuoteCriteria,
	type QuoteListItem
} from './quote-list-filter.ts';
import type { QuoteSummary } from './quote-summaries.ts';

const ME = 'user-sales';
const item = (overrides: Partial<QuoteListItem>): QuoteListItem => ({
	...buildQuote(overrides),
	companyName: 'Acme Corporation',
	...overrides
});

const items = [
	item({ id: 'q1', title: 'Laptop refresh', number: 'Q-00009', updatedAt: 300, status: 'sent', companyId: 'c-acme' }),
	item({
		id: 'q2',
		title: 'Firewall replacement',
		number: 'Q-00010',
		updatedAt: 100,
		status: 'draft',
		companyId: 'c-acme'
	}),
	item({
		id: 'q3',
		title: 'Backup',
		companyName: 'Globex',
		companyId: 'c-globex',
		number: null,
		updatedAt: 200,
		status: 'draft',
		ownerId: 'user-other'
	}),
	item({
		id: 'q4',
		title: 'Wi-Fi',
		companyName: 'Initech',
		companyId: 'c-initech',
		number: 'Q-00100',
		updatedAt: 50,
		status: 'accepted'
	})
];
const totals = new Map<string, QuoteSummary>([
	['q1', { oneTime: 500, monthly: 0, yearly: 0, lines: 2 }],
	['q2', { oneTime: 900, monthly: 0, yearly: 0, lines: 3 }],
	['q3', { oneTime: 500, monthly: 100, yearly: 0, lines: 1 }]
]);
const ids = (c: Partial<QuoteCriteria>) =>
	filterQuotes(items, { ...DEFAULT_CRITERIA, ...c }, ME, totals).map((q) => q.id);

describe('filterQuotes', () => {
	it('lists every quote, most recently updated first, by default', () => {
		expect(ids({})).toEqual(['q1', 'q3', 'q2', 'q4']);
	});

	it('searches titles, company names and numbers, every word somewhere', () => {
		expect(ids({ search: 'globex' })).toEqual(['q3']);
		expect(ids({ search: 'q-00010' })).toEqual(['q2']);
		expect(ids({ search: 'acme laptop' })).toEqual(['q1']);
		expect(ids({ search: 'acme wi-fi' })).toEqual([]);
		expect(ids({ search: '   ' })).toHaveLength(4);
	});

	it('filters by status, company and owner', () => {
		expect(ids({ status: 'draft' })).toEqual(['q3', 'q2']);
		expect(ids({ companyId: 'c-acme' })).toEqual(['q1', 'q2']);
		expect(ids({ owner: 'me' })).toEqual(['q1', 'q2', 'q4']);
		expect(ids({ owner: 'user-other' })).toEqual(['q3']);
		expect(ids({ status: 'draft', owner: 'me', search: 'fire' })).toEqual(['q2']);
	});

	it('sorts by number, provisional quotes counting as the newest', () => {
		expect(ids({ sort: 'number-desc' })).toEqual(['q3', 'q4', 'q2', 'q1']);
		expect(ids({ sort: 'number-asc' })).toEqual(['q1', 'q2', 'q4', 'q3']);
	});

	it('sorts by one-time total, then recurring; a quote without lines counts as zero', () => {
		expect(ids({ sort: 'total-desc' })).toEqual(['q2', 'q3', 'q1', 'q4']);
		expect(ids({ sort: 'total-asc' })).toEqual(['q4', 'q1', 'q3', 'q2']);
	});

	it('sorts least recently updated first on request', () => {
		expect(ids({ sort: 'updated-asc' })).toEqual(['q4', 'q2', 'q3', 'q1']);
	});

	it('does not reorder the rows it was given', () => {
		const before = items.map((q) => q.id);
		ids({ sort: 'total-asc' });
		expect(items.map((q) => q.id)).toEqual(before);
	});
});

describe('statusCounts', () => {
	it('counts each status under the other criteria', () => {
		expect(statusCounts(items, { ...DEFAULT_CRITERIA, status: 'sent' }, ME)).toEqual({
			draft: 2,
			sent: 1,
			accepted: 1,
			declined: 0,
			retracted: 0
		});
		expect(statusCounts(items, { ...DEFAULT_CRITERIA, companyId: 'c-acme' }, ME)).toMatchObject({
			draft: 1,
			sent: 1,
			accepted: 0
		});
	});
});

describe('criteria in the address bar', () => {
	it('round-trips and leaves defaults out', () => {
		const c: QuoteCriteria = { search: 'laptop', status: 'sent', companyId: 'c-acme', owner: 'me', sort: 'total-desc' };
		expect(criteriaFromParams(criteriaToParams(c))).toEqual(c);
		expect(criteriaToParams(DEFAULT_CRITERIA).toString()).toBe('');
	});

	it('ignores values it does not know', () => {
		expect(criteriaFromParams(new URLSearchParams('status=lost&sort=random'))).toEqual(DEFAULT_CRITERIA);
	});
});

describe('ownerOptions', () => {
	it('puts Me first, then colleagues by name, with a fallback label when names are not replicated', () => {
		const named = ownerOptions(items, ME, new Map([['user-other', 'Olive Other']]));
		expect(named).toEqual([
			{ value: 'me', label: 'Me' },
			{ value: 'user-other', label: 'Olive Other' }
		]);
		expect(ownerOptions(items, ME, new Map())[1]).toEqual({ value: 'user-other', label: 'Colleague -other' });
	});
});

describe('companyOptions', () => {
	it('lists each company with quotes once, by name', () => {
		expect(companyOptions(items)).toEqual([
			{ id: 'c-acme', name: 'Acme Corporation' },
			{ id: 'c-globex', name: 'Globex' },
			{ id: 'c-initech', name: 'Initech' }
		]);
	});
});
