import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../shared/schema/activity-entities.ts';
import { filterFromParams, issueActivityHref, linksOf, mergeMatching, whoOf } from './activity-view.ts';

const entry = (overrides: Partial<Activity>): Activity => ({
	id: '0190aaaa-0000-7000-8000-000000000000',
	at: 1,
	kind: 'person',
	userId: 'u1',
	clientId: 'c1',
	provider: null,
	action: 'updateQuoteLine',
	entityTable: 'quoteLines',
	entityId: 'l1',
	entities: ['quoteLines:l1', 'quotes:q1'],
	changes: [],
	omitted: 0,
	...overrides
});

describe('the activity view', () => {
	it('reads the filter from the address, days as whole days', () => {
		const f = filterFromParams(
			new URLSearchParams('kind=sync&entity=categories:c1&from=2026-12-01&to=2026-12-02&kind2=x')
		);
		expect(f.kind).toBe('sync');
		expect(f.entity).toBe('categories:c1');
		expect(f.to! - f.from!).toBe(2 * 24 * 60 * 60 * 1000);
		expect(filterFromParams(new URLSearchParams('kind=robot')).kind).toBeUndefined();
	});

	it('sends a billing-code issue to its category’s changes before it was first seen', () => {
		const href = issueActivityHref({
			rootCause: 'categoryBillingCode:cat-7',
			entityTable: 'quotes',
			entityId: 'q1',
			firstSeenAt: 5_000
		});
		expect(href).toBe('/admin/logs?entity=categories%3Acat-7&to=5001');
		expect(issueActivityHref({ rootCause: null, entityTable: 'quotes', entityId: 'q1', firstSeenAt: 9 })).toBe(
			'/admin/logs?entity=quotes%3Aq1&to=10'
		);
	});

	it('links a line change to its quote, names who made it, and merges older pages without repeats', () => {
		expect(linksOf(entry({})).map((l) => l.href)).toEqual(['/quotes/q1']);
		expect(whoOf(entry({}), new Map([['u1', 'Ada Admin']]))).toBe('Ada Admin');
		expect(whoOf(entry({ kind: 'sync', userId: null, provider: 'autotask' }), new Map())).toBe('Autotask sync');
		const a = entry({ id: 'b' });
		const b = entry({ id: 'a' });
		expect(mergeMatching([a], [a, b], () => true).map((e) => e.id)).toEqual(['b', 'a']);
	});
});
