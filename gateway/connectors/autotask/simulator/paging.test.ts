import { describe, expect, it } from 'vitest';
import { decodePaging, encodePaging, runPage } from './paging.ts';
import type { SimQuery } from './query-engine.ts';

const records = Array.from({ length: 7 }, (_, n) => ({ id: 100 + n, city: n % 2 ? 'Austin' : 'Springfield' }));
const all: SimQuery = { filter: [{ op: 'exist', field: 'id', udf: false }], maxRecords: 3, includeFields: null };

describe('runPage', () => {
	it('pages by ascending id and says where the next page starts', () => {
		expect(runPage('Companies', records, all, 0)).toEqual({
			ok: true,
			value: { items: records.slice(0, 3), nextAfterId: 102 }
		});
		expect(runPage('Companies', records, all, 102)).toMatchObject({ value: { nextAfterId: 105 } });
		expect(runPage('Companies', records, all, 105)).toEqual({
			ok: true,
			value: { items: records.slice(6), nextAfterId: null }
		});
	});

	it('pages through the matching records only', () => {
		const springfield: SimQuery = { ...all, filter: [{ op: 'eq', field: 'city', value: 'springfield', udf: false }] };
		const first = runPage('Companies', records, springfield, 0);
		expect(first).toMatchObject({ value: { nextAfterId: 104 } });
		expect(runPage('Companies', records, springfield, 104)).toMatchObject({
			value: { items: [{ id: 106 }], nextAfterId: null }
		});
	});

	it('answers an exact last page without a next page', () => {
		expect(runPage('Companies', records.slice(0, 3), all, 0)).toMatchObject({ value: { nextAfterId: null } });
	});

	it('insists on id in IncludeFields when more than 500 records match', () => {
		const many = Array.from({ length: 501 }, (_, id) => ({ id: id + 1 }));
		expect(runPage('Companies', many, { ...all, includeFields: ['city'] }, 0).ok).toBe(false);
		expect(runPage('Companies', many, { ...all, includeFields: ['id', 'city'] }, 0).ok).toBe(true);
	});
});

describe('paging tokens', () => {
	it('round-trip the query and the position, and refuse garbage', () => {
		const token = encodePaging({ query: all, afterId: 102 });
		expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(decodePaging(token)).toEqual({ query: all, afterId: 102 });
		expect(decodePaging('not-a-token')).toBeNull();
		expect(decodePaging(undefined)).toBeNull();
	});
});
