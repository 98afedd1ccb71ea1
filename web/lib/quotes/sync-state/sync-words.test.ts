import { describe, expect, it } from 'vitest';
import { lineReason, quoteReason } from './sync-words.ts';

describe('sync words', () => {
	it('says what the seeds’ texts mean for the quote', () => {
		expect(quoteReason('Payment term/type is deleted')).toBe(
			'The payment term on this quote was deleted in the PSA. Pick another one and send again.'
		);
		expect(quoteReason('Contact has no external identifier. Ada belongs to another company.')).toBe(
			'The quote’s contact could not be created in the PSA.'
		);
		expect(quoteReason('Some line items not synchronized (1 of 2).')).toBe(
			'The quote is in the PSA, but some of its lines are not.'
		);
		expect(quoteReason('Autotask authentication error: please verify your credentials')).toBe(
			'Outpost cannot sign in to the PSA. An admin needs to check the connection.'
		);
	});

	it('says why a line failed, and something plain for a text it does not know', () => {
		expect(lineReason('BillingCode does not exist or is invalid')).toBe(
			'Its category has no valid billing code in the PSA. An admin can fix the mapping.'
		);
		expect(lineReason('The line has no product; an Autotask quote item needs one')).toBe(
			'It is not a catalog product, and the PSA only takes products.'
		);
		expect(lineReason('Quantity exceeds the maximum allowed.')).toBe('The PSA refused this line.');
		expect(lineReason('Item 12 does not exist.')).toBe('Its product is missing in the PSA.');
		expect(lineReason('The product of this line is no longer in Outpost.')).toBe(
			'Its product was deleted in Outpost, so it was not sent.'
		);
		expect(quoteReason('\u0000')).toBe('The PSA refused this quote.');
	});
});
