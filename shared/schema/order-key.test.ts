import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import { isOrderKey, orderKey } from './order-key.ts';

describe('orderKey', () => {
	it.each(['a0', 'a1V', 'Zz', 'b00V', 'A000000000000000000000000001', 'zzzzzzzzzzzzzzzzzzzzzzzzzzz', 'a0V'])(
		'accepts the key %s',
		(key) => {
			expect(isOrderKey(key)).toBe(true);
		}
	);

	it.each([
		['!', 'not a head letter'],
		['', 'empty'],
		['0a', 'a digit for head'],
		['b0', 'an integer part shorter than its head says'],
		['a10', 'a fraction ending in 0'],
		['A00000000000000000000000000', 'the smallest integer, below which nothing sorts'],
		['a0!', 'a character outside base 62'],
		['a0 ', 'a space'],
		['a0\u0000', 'NUL'],
		['aé', 'a letter outside ASCII']
	])('refuses %j (%s)', (key) => {
		expect(isOrderKey(key)).toBe(false);
	});

	it('accepts every key the library generates', () => {
		const keys = generateNKeysBetween(null, null, 200);
		keys.push(generateKeyBetween(keys[3]!, keys[4]!), generateKeyBetween(null, keys[0]!));
		expect(keys.filter((k) => !isOrderKey(k))).toEqual([]);
	});

	it('is bounded in length and names the format when it refuses', () => {
		expect(orderKey.safeParse(`a0${'V'.repeat(99)}`).success).toBe(false);
		const refused = orderKey.safeParse('!');
		expect(refused.success).toBe(false);
		expect(refused.error?.issues[0]?.message).toBe('must be an order key such as a0 or a1V (fractional indexing)');
	});
});
