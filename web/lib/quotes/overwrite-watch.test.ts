import { describe, expect, it } from 'vitest';
import { buildQuote, buildQuoteLine } from '../../../shared/test/builders.ts';
import type { OutboxEntry } from '../platform/local-db.ts';
import {
	dismiss,
	EMPTY_WATCH,
	fieldWrites,
	reconcile,
	reportsByField,
	rowKey,
	snapshotOf,
	type Snapshot,
	type WatchState
} from './overwrite-watch.ts';

const quote = buildQuote({ id: 'q1', title: 'Laptop refresh' });
const line = buildQuoteLine({ id: 'l1', quoteId: 'q1', quantity: 5 });
const entry = (id: number, name: string, args: Record<string, unknown>): OutboxEntry => ({
	id,
	name,
	args,
	timestamp: 0
});

function snapshot(overrides: Partial<Snapshot> & { lineQuantity?: number } = {}): Snapshot {
	const { lineQuantity, ...rest } = overrides;
	return {
		quoteId: 'q1',
		observed: [],
		pendingIds: new Set(),
		rows: new Map<string, Record<string, unknown>>([
			[rowKey('quotes', 'q1'), quote],
			[rowKey('quoteLines', 'l1'), { ...line, quantity: lineQuantity ?? line.quantity }]
		]),
		rejected: new Set(),
		...rest
	};
}

/** This device set line l1's quantity to 5 (mutation 7), seen while it was pending. */
function watchingQuantity(): WatchState {
	const observed = fieldWrites([entry(7, 'updateQuoteLine', { id: 'l1', quantity: 5 })], 'q1', new Set(['l1']));
	return reconcile(EMPTY_WATCH, snapshot({ observed, pendingIds: new Set([7]) }));
}

describe('fieldWrites', () => {
	it('takes the content fields of this quote and its lines, one write per field', () => {
		const writes = fieldWrites(
			[
				entry(1, 'updateQuote', { id: 'q1', title: 'New title', status: 'sent' }),
				entry(2, 'updateQuoteLine', { id: 'l1', quantity: 3, unitPrice: 100, position: 'a5', section: 'X' }),
				entry(3, 'updateQuoteLine', { id: 'other-line', quantity: 9 }),
				entry(4, 'updateQuote', { id: 'other-quote', title: 'x' }),
				entry(5, 'addQuoteLine', { id: 'l2', quoteId: 'q1', description: 'x', unitPrice: 1 }),
				entry(6, 'updateQuoteLine', null as unknown as Record<string, unknown>)
			],
			'q1',
			new Set(['l1'])
		);
		expect(writes.map((w) => [w.mutationID, w.table, w.field, w.value])).toEqual([
			[1, 'quotes', 'title', 'New title'],
			[2, 'quoteLines', 'quantity', 3],
			[2, 'quoteLines', 'unitPrice', 100]
		]);
	});
});

describe('reconcile', () => {
	it('keeps watching an edit while it is pending', () => {
		const state = watchingQuantity();
		expect(state.watching).toHaveLength(1);
		expect(state.overwritten).toEqual([]);
		// A pull that brings another value while ours is pending changes nothing: ours is re-applied on top.
		expect(reconcile(state, snapshot({ pendingIds: new Set([7]), lineQuantity: 9 }))).toEqual(state);
	});

	it('keeps watching an edit the server confirmed as written', () => {
		const confirmed = reconcile(watchingQuantity(), snapshot());
		expect(confirmed).toEqual(watchingQuantity());
		expect(confirmed.overwritten).toEqual([]);
	});

	it('reports a confirmed edit that another device’s later write replaced (the server ordered ours first)', () => {
		const confirmed = reconcile(watchingQuantity(), snapshot());
		const state = reconcile(confirmed, snapshot({ lineQuantity: 8 }));
		expect(state.overwritten).toEqual([expect.objectContaining({ field: 'quantity', value: 5, confirmed: 8 })]);
		expect(state.watching).toEqual([]);
	});

	it('reports an edit whose value was already another device’s when it was acknowledged', () => {
		const state = reconcile(watchingQuantity(), snapshot({ lineQuantity: 8 }));
		expect(state.watching).toEqual([]);
		expect(state.overwritten).toEqual([
			expect.objectContaining({ rowId: 'l1', field: 'quantity', value: 5, confirmed: 8 })
		]);
		// The report stays until dismissed or the field is edited again.
		expect(reconcile(state, snapshot({ lineQuantity: 8 })).overwritten).toHaveLength(1);
	});

	it('leaves refused edits to the rejection notice', () => {
		expect(reconcile(watchingQuantity(), snapshot({ lineQuantity: 8, rejected: new Set([7]) }))).toEqual(EMPTY_WATCH);
	});

	it('drops edits and reports of a line that was removed', () => {
		const rows = new Map([[rowKey('quotes', 'q1'), quote as Record<string, unknown>]]);
		expect(reconcile(watchingQuantity(), snapshot({ rows }))).toEqual(EMPTY_WATCH);
		const reported = reconcile(watchingQuantity(), snapshot({ lineQuantity: 8 }));
		expect(reconcile(reported, snapshot({ rows })).overwritten).toEqual([]);
	});

	it('judges only the latest edit of a field', () => {
		const observed = fieldWrites(
			[entry(7, 'updateQuoteLine', { id: 'l1', quantity: 5 }), entry(8, 'updateQuoteLine', { id: 'l1', quantity: 6 })],
			'q1',
			new Set(['l1'])
		);
		const state = reconcile(EMPTY_WATCH, snapshot({ observed, pendingIds: new Set([8]) }));
		expect(state.watching.map((w) => w.mutationID)).toEqual([8]);
		expect(reconcile(state, snapshot({ lineQuantity: 6 }))).toEqual(state);
	});

	it('clears a report when the person edits that field again', () => {
		const reported = reconcile(watchingQuantity(), snapshot({ lineQuantity: 8 }));
		const observed = fieldWrites([entry(9, 'updateQuoteLine', { id: 'l1', quantity: 10 })], 'q1', new Set(['l1']));
		const state = reconcile(reported, snapshot({ observed, pendingIds: new Set([9]), lineQuantity: 10 }));
		expect(state.overwritten).toEqual([]);
		expect(state.watching.map((w) => w.mutationID)).toEqual([9]);
	});

	it('keeps edits of other quotes for their own editor', () => {
		const state = reconcile(watchingQuantity(), snapshot({ quoteId: 'q2', rows: new Map() }));
		expect(state.watching).toHaveLength(1);
	});

	it('compares nulls as values (a cleared date)', () => {
		const observed = fieldWrites([entry(3, 'updateQuote', { id: 'q1', validUntil: null })], 'q1', new Set());
		const pending = reconcile(EMPTY_WATCH, snapshot({ observed, pendingIds: new Set([3]) }));
		expect(reconcile(pending, snapshot()).overwritten).toEqual([]);
		const rows = new Map<string, Record<string, unknown>>([
			[rowKey('quotes', 'q1'), { ...quote, validUntil: '2027-01-31' }]
		]);
		expect(reconcile(pending, snapshot({ rows })).overwritten).toEqual([
			expect.objectContaining({ field: 'validUntil', value: null, confirmed: '2027-01-31' })
		]);
	});
});

describe('dismiss', () => {
	it('removes one report', () => {
		const reported = reconcile(watchingQuantity(), snapshot({ lineQuantity: 8 }));
		expect(dismiss(reported, 'quoteLines', 'l1', 'quantity').overwritten).toEqual([]);
		expect(dismiss(reported, 'quoteLines', 'l1', 'unitPrice').overwritten).toHaveLength(1);
	});
});

describe('snapshotOf', () => {
	it('keys the quote and its lines, and reads only their edits', () => {
		const s = snapshotOf(
			quote,
			[line],
			[
				entry(4, 'updateQuoteLine', { id: 'l1', quantity: 2 }),
				entry(5, 'updateQuoteLine', { id: 'elsewhere', quantity: 2 })
			],
			[4, 5],
			[1]
		);
		expect([...s.rows.keys()]).toEqual([rowKey('quotes', 'q1'), rowKey('quoteLines', 'l1')]);
		expect(s.observed.map((w) => w.mutationID)).toEqual([4]);
		expect([...s.pendingIds]).toEqual([4, 5]);
		expect(s.rejected.has(1)).toBe(true);
	});
});

describe('limits', () => {
	it('remembers at most 500 edits, the newest', () => {
		const many = Array.from({ length: 600 }, (_, k) =>
			entry(k + 1, 'updateQuote', { id: 'q1', title: `t${k}`, notes: `n${k}` })
		);
		const state = reconcile(
			EMPTY_WATCH,
			snapshot({ observed: fieldWrites(many, 'q1', new Set()), pendingIds: new Set(many.map((e) => e.id)) })
		);
		// Two fields of one row: only the latest write of each is kept.
		expect(state.watching.map((w) => w.mutationID)).toEqual([600, 600]);
		const rows = Array.from({ length: 600 }, (_, k) => entry(k + 1, 'updateQuoteLine', { id: `l${k}`, quantity: k }));
		const wide = reconcile(
			EMPTY_WATCH,
			snapshot({
				observed: fieldWrites(rows, 'q1', new Set(rows.map((r) => (r.args as { id: string }).id))),
				pendingIds: new Set(rows.map((e) => e.id))
			})
		);
		expect(wide.watching).toHaveLength(500);
		expect(wide.watching[0]!.mutationID).toBe(101);
	});

	it('looks reports up by field', () => {
		const reported = reconcile(watchingQuantity(), snapshot({ lineQuantity: 8 }));
		expect(reportsByField(reported).size).toBe(1);
	});
});
