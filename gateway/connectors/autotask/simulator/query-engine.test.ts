import { describe, expect, it } from 'vitest';
import { matchesAll, parseQuery, project, type Condition } from './query-engine.ts';
import type { SimRecord } from './sim-state.ts';

const company: SimRecord = {
	id: 7,
	companyName: 'Sirius Cybernetics Corporation',
	city: 'Springfield',
	isActive: true,
	companyType: 1,
	lastActivityDate: '2026-10-15T12:00:00.000Z',
	phone: '',
	userDefinedFields: [{ name: 'Number of Employees', value: '120' }]
};

function filter(...raw: unknown[]): Condition[] {
	const parsed = parseQuery('Companies', { filter: raw });
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.value.filter;
}
const hits = (...raw: unknown[]) => matchesAll('Companies', company, filter(...raw));

describe('parseQuery', () => {
	it('accepts the key casings seen in the wild, and canonical field names in any case', () => {
		expect(
			parseQuery('Companies', { MaxRecords: 5, IncludeFields: ['CITY'], filter: [{ op: 'exist', field: 'ID' }] })
		).toEqual({
			ok: true,
			value: { maxRecords: 5, includeFields: ['city'], filter: [{ op: 'exist', field: 'id', udf: false }] }
		});
		expect(
			parseQuery('Companies', { maxRecords: 5, includeFields: ['city'], Filter: [{ op: 'exist', field: 'id' }] }).ok
		).toBe(true);
	});

	it('defaults to 500 records a page and refuses more', () => {
		expect(parseQuery('Companies', { filter: [{ op: 'exist', field: 'id' }] })).toMatchObject({
			value: { maxRecords: 500 }
		});
		expect(parseQuery('Companies', { MaxRecords: 501, filter: [{ op: 'exist', field: 'id' }] }).ok).toBe(false);
		expect(parseQuery('Companies', { MaxRecords: 0, filter: [{ op: 'exist', field: 'id' }] }).ok).toBe(false);
	});

	it('refuses a query without a filter, an unknown field or operator, and a null value', () => {
		for (const body of [
			{},
			{ filter: [] },
			{ filter: [{ op: 'eq', field: 'nope', value: 1 }] },
			{ filter: [{ op: 'like', field: 'city', value: 'x' }] },
			{ filter: [{ op: 'eq', field: 'city', value: null }] },
			{ filter: [{ op: 'in', field: 'id', value: 3 }] },
			{ filter: [{ op: 'xor', items: [] }] },
			{ IncludeFields: ['nope'], filter: [{ op: 'exist', field: 'id' }] },
			[]
		]) {
			expect(parseQuery('Companies', body).ok, JSON.stringify(body)).toBe(false);
		}
	});

	it('wants booleans as literal true or false', () => {
		expect(parseQuery('Companies', { filter: [{ op: 'eq', field: 'isActive', value: 'true' }] })).toMatchObject({
			ok: false,
			error: 'isActive is a boolean: compare it with true or false.'
		});
	});

	it('refuses more than 500 OR conditions', () => {
		const items = Array.from({ length: 501 }, (_, id) => ({ op: 'eq', field: 'id', value: id }));
		expect(parseQuery('Companies', { filter: [{ op: 'or', items }] })).toMatchObject({
			ok: false,
			error: "Invalid query syntax. Queries are limited to 500 or fewer 'OR' conditions."
		});
		expect(parseQuery('Companies', { filter: [{ op: 'or', items: items.slice(1) }] }).ok).toBe(true);
	});
});

describe('matchesAll', () => {
	it('compares strings case-insensitively', () => {
		expect(hits({ op: 'eq', field: 'city', value: 'SPRINGFIELD' })).toBe(true);
		expect(hits({ op: 'noteq', field: 'city', value: 'springfield' })).toBe(false);
		expect(hits({ op: 'beginsWith', field: 'companyName', value: 'sirius' })).toBe(true);
		expect(hits({ op: 'endsWith', field: 'companyName', value: 'CORPORATION' })).toBe(true);
		expect(hits({ op: 'contains', field: 'companyName', value: 'cyber' })).toBe(true);
		expect(hits({ op: 'contains', field: 'companyName', value: 'acme' })).toBe(false);
	});

	it('compares numbers and date-times by value', () => {
		expect(hits({ op: 'gt', field: 'id', value: 6 })).toBe(true);
		expect(hits({ op: 'gte', field: 'id', value: 7 })).toBe(true);
		expect(hits({ op: 'lt', field: 'id', value: 7 })).toBe(false);
		expect(hits({ op: 'lte', field: 'id', value: 7 })).toBe(true);
		expect(hits({ op: 'gte', field: 'lastActivityDate', value: '2026-10-15T12:00:00Z' })).toBe(true);
		expect(hits({ op: 'gt', field: 'lastActivityDate', value: '2026-10-15T13:00:00+02:00' })).toBe(true);
		expect(hits({ op: 'lt', field: 'lastActivityDate', value: '2026-01-01T00:00:00Z' })).toBe(false);
	});

	it('matches booleans, lists and presence', () => {
		expect(hits({ op: 'eq', field: 'isActive', value: true })).toBe(true);
		expect(hits({ op: 'eq', field: 'isActive', value: false })).toBe(false);
		expect(hits({ op: 'in', field: 'id', value: [1, 7] })).toBe(true);
		expect(hits({ op: 'notIn', field: 'id', value: [1, 7] })).toBe(false);
		expect(hits({ op: 'exist', field: 'city' })).toBe(true);
		expect(hits({ op: 'exist', field: 'phone' })).toBe(false);
		expect(hits({ op: 'notExist', field: 'webAddress' })).toBe(true);
	});

	it('never matches a missing value in a comparison, except noteq', () => {
		expect(hits({ op: 'eq', field: 'webAddress', value: 'x' })).toBe(false);
		expect(hits({ op: 'gt', field: 'countryID', value: 0 })).toBe(false);
		expect(hits({ op: 'noteq', field: 'webAddress', value: 'x' })).toBe(true);
	});

	it('reads user-defined fields by name', () => {
		expect(hits({ op: 'eq', field: 'number of employees', value: '120', udf: true })).toBe(true);
		expect(hits({ op: 'exist', field: 'Region', udf: true })).toBe(false);
	});

	it('nests and/or groups, and ands the top level', () => {
		const city = { op: 'eq', field: 'city', value: 'Springfield' };
		const wrong = { op: 'eq', field: 'city', value: 'Austin' };
		expect(hits({ op: 'or', items: [wrong, city] })).toBe(true);
		expect(hits({ op: 'and', items: [wrong, city] })).toBe(false);
		expect(hits(city, wrong)).toBe(false);
		expect(hits({ op: 'or', items: [wrong, { op: 'and', items: [city, { op: 'gt', field: 'id', value: 1 }] }] })).toBe(
			true
		);
	});
});

describe('project', () => {
	it('keeps the requested fields and the id', () => {
		expect(project(company, ['city', 'webAddress'])).toEqual({ id: 7, city: 'Springfield', webAddress: null });
		expect(project(company, null)).toBe(company);
	});
});
