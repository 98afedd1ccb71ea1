import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './json-depth.ts';

const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;

describe('nestsDeeperThan', () => {
	it('counts each array or object as one level; primitives add none', () => {
		expect(nestsDeeperThan('text', 0)).toBe(false);
		expect(nestsDeeperThan({ a: 1 }, 0)).toBe(true);
		expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
		expect(nestsDeeperThan({ a: [{ b: 1 }] }, 2)).toBe(true);
	});

	it('measures 100,000 levels without overflowing the stack', () => {
		expect(nestsDeeperThan(nested(100_000), 32)).toBe(true);
		expect(nestsDeeperThan(nested(32), 32)).toBe(false);
	});
});
