import { describe, expect, it } from 'vitest';
import { arrangeIssues, countOpen, parseRootCause, type IssueGroup } from './issue-groups.ts';
import { buildCategory, buildIssue } from './psa-builders.ts';

const laptops = buildCategory({ id: 'category-laptops', name: 'Laptops' });
const categories = new Map([[laptops.id, laptops]]);

function quoteIssue(n: number, overrides: Parameters<typeof buildIssue>[0] = {}) {
	return buildIssue({
		id: `autotask:syncQuote:quote-${n}`,
		entityId: `quote-${n}`,
		entityLabel: `Quote Q-${1000 + n}`,
		lastSeenAt: 10_000 + n,
		...overrides
	});
}

describe('parseRootCause', () => {
	it('reads the category of a billing code cause, even when its id holds a colon', () => {
		expect(parseRootCause('categoryBillingCode:category-laptops')).toEqual({
			kind: 'categoryBillingCode',
			categoryId: 'category-laptops'
		});
		expect(parseRootCause('categoryBillingCode:a:b')).toEqual({ kind: 'categoryBillingCode', categoryId: 'a:b' });
	});

	it('knows credentials and payment terms, and calls anything else other', () => {
		expect(parseRootCause('credentials')).toEqual({ kind: 'credentials' });
		expect(parseRootCause('paymentTerm')).toEqual({ kind: 'paymentTerm' });
		expect(parseRootCause('paymentTerm:7')).toEqual({ kind: 'paymentTerm' });
		expect(parseRootCause('categoryBillingCode:')).toEqual({ kind: 'other' });
		expect(parseRootCause('somethingNew:1')).toEqual({ kind: 'other' });
	});
});

describe('arrangeIssues', () => {
	it('groups issues of one category billing code with the fix for that category', () => {
		const issues = Array.from({ length: 40 }, (_, k) =>
			quoteIssue(k, { rootCause: 'categoryBillingCode:category-laptops' })
		);
		const [group, ...rest] = arrangeIssues(issues, categories);
		expect(rest).toEqual([]);
		expect(group).toMatchObject({
			kind: 'group',
			rootCause: 'categoryBillingCode:category-laptops',
			title: 'Category Laptops has no valid Autotask billing code',
			fix: { kind: 'billingCode', categoryId: 'category-laptops', category: laptops },
			severity: 'error',
			lastSeenAt: 10_039,
			retrying: 0
		});
		const issuesOfGroup = (group as IssueGroup).issues;
		expect(issuesOfGroup).toHaveLength(40);
		expect(issuesOfGroup[0]!.entityLabel).toBe('Quote Q-1039');
	});

	it('still names a billing code group whose category is not on this device', () => {
		const [group] = arrangeIssues([quoteIssue(1, { rootCause: 'categoryBillingCode:gone' })], categories);
		expect(group).toMatchObject({
			title: 'A category that is not on this device has no valid Autotask billing code',
			fix: { kind: 'billingCode', categoryId: 'gone', category: null }
		});
	});

	it('points a credentials group at every PSA it involves', () => {
		const [group] = arrangeIssues(
			[
				quoteIssue(1, { rootCause: 'credentials' }),
				quoteIssue(2, { rootCause: 'credentials', provider: 'halopsa', id: 'halopsa:syncQuote:quote-2' })
			],
			categories
		);
		expect(group).toMatchObject({
			title: 'Autotask and HaloPSA refuse the saved credentials',
			fix: { kind: 'credentials', providers: ['autotask', 'halopsa'] }
		});
	});

	it('points a distributor’s refused ordering credentials at Admin > Distributors (seed 002)', () => {
		const order = (n: number) =>
			buildIssue({
				id: `ingrammicro:submitPurchaseOrder:po-${n}`,
				provider: 'ingrammicro',
				operation: 'submitPurchaseOrder',
				entityTable: 'purchaseOrders',
				entityId: `po-${n}`,
				entityLabel: `Purchase order OP-${n} · Ingram Micro`,
				rootCause: 'credentials:ingrammicro'
			});
		const [group] = arrangeIssues([order(1), order(2)], categories);
		expect(group).toMatchObject({
			kind: 'group',
			title: 'Ingram Micro refuses the saved ordering credentials',
			fix: { kind: 'advice', text: 'Update the ordering credentials at Admin > Distributors, then retry.' }
		});
	});

	it('gives payment term groups the seeds’ text and advice', () => {
		const [group] = arrangeIssues([quoteIssue(1, { rootCause: 'paymentTerm' })], categories);
		expect(group).toMatchObject({ title: 'Payment term/type is deleted', fix: { kind: 'advice' } });
	});

	it('leaves issues without a cause, or alone with an unknown one, single', () => {
		const entries = arrangeIssues(
			[quoteIssue(1), quoteIssue(2, { rootCause: 'somethingNew' }), quoteIssue(3, { rootCause: 'other' })],
			categories
		);
		expect(entries.map((e) => e.kind)).toEqual(['single', 'single', 'single']);
	});

	it('groups several issues of an unknown cause under the newest message', () => {
		const entries = arrangeIssues(
			[
				quoteIssue(1, { rootCause: 'x', message: 'old words' }),
				quoteIssue(2, { rootCause: 'x', message: 'new words' })
			],
			categories
		);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({ kind: 'group', title: 'new words', fix: null });
	});

	it('puts errors before warnings, then the most recently seen first', () => {
		const entries = arrangeIssues(
			[
				quoteIssue(1, { severity: 'warning', lastSeenAt: 99_000 }),
				quoteIssue(2, { lastSeenAt: 5_000 }),
				quoteIssue(3, { lastSeenAt: 7_000, rootCause: 'credentials' }),
				quoteIssue(4, { lastSeenAt: 6_000, severity: 'warning', rootCause: 'credentials' })
			],
			categories
		);
		expect(entries.map((e) => e.key)).toEqual([
			'cause:credentials',
			'issue:autotask:syncQuote:quote-2',
			'issue:autotask:syncQuote:quote-1'
		]);
	});

	it('counts the issues of a group that wait for their retry', () => {
		const [group] = arrangeIssues(
			[quoteIssue(1, { rootCause: 'credentials', state: 'retrying' }), quoteIssue(2, { rootCause: 'credentials' })],
			categories
		);
		expect(group).toMatchObject({ retrying: 1 });
	});

	it('arranges nothing into nothing', () => {
		expect(arrangeIssues([], categories)).toEqual([]);
	});
});

describe('countOpen', () => {
	it('counts only issues not already retrying', () => {
		expect(countOpen([quoteIssue(1), quoteIssue(2, { state: 'retrying' })])).toBe(1);
	});
});
