// The sort key of a quote line: a fractional-indexing key (base-62 digits after a head letter that
// says how long the integer part is). A string that is not one would make every later
// generateKeyBetween() over that quote's lines throw, on the gateway and on every device.

import { generateKeyBetween } from 'fractional-indexing';
import { z } from 'zod';

const KEY_ALPHABET = /^[A-Za-z][0-9A-Za-z]*$/;

export function isOrderKey(key: string): boolean {
	if (!KEY_ALPHABET.test(key)) return false;
	try {
		// Validates the head, the integer part's length and the fraction's last digit, exactly as
		// every later use of the key will; a key after a valid one always exists.
		generateKeyBetween(key, null);
		return true;
	} catch {
		return false;
	}
}

export const orderKey = z
	.string()
	.min(1)
	.max(100)
	.refine(isOrderKey, { message: 'must be an order key such as a0 or a1V (fractional indexing)' });
