import { describe, expect, it } from 'vitest';
import { and, eq, gte, inList, MATCH_ALL, or, queryBody } from './filter.ts';

describe('queryBody', () => {
	it('always sends a filter, matching everything when none is given', () => {
		expect(queryBody({})).toEqual({ filter: [MATCH_ALL] });
		expect(queryBody({ filter: [] })).toEqual({ filter: [{ op: 'exist', field: 'id' }] });
	});

	it('keys the body as the vendor example does', () => {
		expect(queryBody({ filter: [eq('companyName', 'Acme')], includeFields: ['companyName'], maxRecords: 100 })).toEqual(
			{
				MaxRecords: 100,
				IncludeFields: ['id', 'companyName'],
				filter: [{ op: 'eq', field: 'companyName', value: 'Acme' }]
			}
		);
	});

	it('keeps an id the caller already asked for, in any case', () => {
		expect(queryBody({ includeFields: ['ID', 'city'] }).IncludeFields).toEqual(['ID', 'city']);
	});

	it('clamps MaxRecords to 1-500', () => {
		expect(queryBody({ maxRecords: 5_000 }).MaxRecords).toBe(500);
		expect(queryBody({ maxRecords: 0 }).MaxRecords).toBe(1);
		expect(queryBody({ maxRecords: 2.7 }).MaxRecords).toBe(2);
	});
});

describe('builders', () => {
	it('nest and/or groups as the reference shows', () => {
		expect(
			and(eq('isActive', true), or(gte('lastActivityDate', '2026-01-01T00:00:00Z'), inList('id', [1, 2])))
		).toEqual({
			op: 'and',
			items: [
				{ op: 'eq', field: 'isActive', value: true },
				{
					op: 'or',
					items: [
						{ op: 'gte', field: 'lastActivityDate', value: '2026-01-01T00:00:00Z' },
						{ op: 'in', field: 'id', value: [1, 2] }
					]
				}
			]
		});
	});
});
