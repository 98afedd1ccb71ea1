import fc from 'fast-check';
import { generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import { comparePosition, planInsert, planMove, sortByPosition, type Keyed, type KeyUpdate } from './line-order.ts';

const keys = generateNKeysBetween(null, null, 6);
const list = (...positions: string[]): Keyed[] => positions.map((position, k) => ({ id: `l${k}`, position }));

function apply(order: readonly Keyed[], updates: readonly KeyUpdate[]): Keyed[] {
	const next = new Map(updates.map((u) => [u.id, u.position]));
	return sortByPosition(order.map((item) => ({ ...item, position: next.get(item.id) ?? item.position })));
}

describe('comparePosition', () => {
	it('orders by key, then by id when keys tie', () => {
		const items = [
			{ id: 'b', position: 'a1' },
			{ id: 'a', position: 'a1' },
			{ id: 'c', position: 'a0' }
		];
		expect(sortByPosition(items).map((i) => i.id)).toEqual(['c', 'a', 'b']);
		expect(comparePosition(items[0]!, items[0]!)).toBe(0);
	});
});

describe('planInsert', () => {
	it('puts one key between the neighbours and touches nothing else', () => {
		const order = list(keys[0]!, keys[1]!);
		const {
			keys: [key],
			updates
		} = planInsert(order, 1);
		expect(key! > keys[0]! && key! < keys[1]!).toBe(true);
		expect(updates).toEqual([]);
	});

	it('appends after the last line and prepends before the first', () => {
		const order = list(keys[2]!, keys[3]!);
		expect(planInsert(order, 2).keys[0]! > keys[3]!).toBe(true);
		expect(planInsert(order, 0).keys[0]! < keys[2]!).toBe(true);
		expect(planInsert([], 0).keys).toHaveLength(1);
	});

	it('gives several new items increasing keys in the gap', () => {
		const order = list(keys[0]!, keys[1]!);
		const { keys: made } = planInsert(order, 1, 3);
		expect(made).toHaveLength(3);
		expect([keys[0], ...made, keys[1]]).toEqual([...[keys[0], ...made, keys[1]]].sort());
	});

	it('re-keys the lines that tie with the left neighbour (two devices appended offline)', () => {
		const order = sortByPosition(list(keys[0]!, keys[1]!, keys[1]!, keys[2]!));
		const { keys: made, updates } = planInsert(order, 2);
		expect(updates.map((u) => u.id)).toEqual([order[2]!.id]);
		const after = apply([...order, { id: 'new', position: made[0]! }], updates);
		expect(after.map((i) => i.id)).toEqual([order[0]!.id, order[1]!.id, 'new', order[2]!.id, order[3]!.id]);
	});

	it('starts the list over when a key cannot be read', () => {
		const order = list('not a key', 'zz');
		const { keys: made, updates } = planInsert(order, 1);
		const after = apply([...order, { id: 'new', position: made[0]! }], updates);
		expect(after.map((i) => i.id)).toEqual(['l0', 'new', 'l1']);
	});
});

describe('planMove', () => {
	it('moves a line up with one key and leaves the others alone', () => {
		const order = list(keys[0]!, keys[1]!, keys[2]!);
		const updates = planMove(order, 2, 1);
		expect(updates).toHaveLength(1);
		expect(apply(order, updates).map((i) => i.id)).toEqual(['l0', 'l2', 'l1']);
	});

	it('moves a line down, to the top and to the bottom', () => {
		const order = list(keys[0]!, keys[1]!, keys[2]!, keys[3]!);
		expect(apply(order, planMove(order, 0, 1)).map((i) => i.id)).toEqual(['l1', 'l0', 'l2', 'l3']);
		expect(apply(order, planMove(order, 3, 0)).map((i) => i.id)).toEqual(['l3', 'l0', 'l1', 'l2']);
		expect(apply(order, planMove(order, 0, 3)).map((i) => i.id)).toEqual(['l1', 'l2', 'l3', 'l0']);
	});

	it('does nothing for a move to the same place or off the list', () => {
		const order = list(keys[0]!, keys[1]!);
		expect(planMove(order, 1, 1)).toEqual([]);
		expect(planMove(order, 0, 2)).toEqual([]);
		expect(planMove(order, 0, -1)).toEqual([]);
		expect(planMove(order, 5, 0)).toEqual([]);
	});

	it('always yields the intended order, whatever ties the keys hold', () => {
		const keyPool = fc.constantFrom(...keys);
		fc.assert(
			fc.property(fc.array(keyPool, { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), (positions, a, b) => {
				const order = sortByPosition(
					positions.map((position, k) => ({ id: `l${String(k).padStart(2, '0')}`, position }))
				);
				const from = a % order.length;
				const to = b % order.length;
				const intended = order.map((i) => i.id);
				const [moved] = intended.splice(from, 1);
				intended.splice(to, 0, moved!);
				expect(apply(order, planMove(order, from, to)).map((i) => i.id)).toEqual(intended);
			}),
			{ numRuns: 500 }
		);
	});
});
