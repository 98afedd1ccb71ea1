// The PSA's texts in words a rep understands (pure). The PSA's own text stays one tap away on the
// quote: these say what it means and who can fix it, never replace it.

const QUOTE_REASONS: readonly [RegExp, string][] = [
	[
		/Payment term\/type is deleted/,
		'The payment term on this quote was deleted in the PSA. Pick another one and send again.'
	],
	[/^Opportunity was not found/, 'The opportunity of this quote was deleted or closed in the PSA.'],
	[/^Company has no external identifier/, 'The customer’s company could not be created in the PSA.'],
	[/^Contact has no external identifier/, 'The quote’s contact could not be created in the PSA.'],
	[/companyID is not associated with contactID/, 'In the PSA, the quote’s contact belongs to another company.'],
	[
		/BillingCode does not exist or is invalid/,
		'Some lines are in a category with no valid billing code in the PSA. An admin can fix the mapping.'
	],
	[/Some line items not synchronized/i, 'The quote is in the PSA, but some of its lines are not.'],
	[
		/authentication error|credentials|not configured/i,
		'Outpost cannot sign in to the PSA. An admin needs to check the connection.'
	],
	[/rate limit|slow down/i, 'The PSA is busy. Outpost tries again by itself.'],
	[/^Already synchronizing/, 'This quote is already being sent.']
];

const LINE_REASONS: readonly [RegExp, string][] = [
	[
		/BillingCode does not exist or is invalid/,
		'Its category has no valid billing code in the PSA. An admin can fix the mapping.'
	],
	[/has no product/i, 'It is not a catalog product, and the PSA only takes products.'],
	[/no longer in Outpost/i, 'Its product was deleted in Outpost, so it was not sent.'],
	[/not found|does not exist/i, 'Its product is missing in the PSA.']
];

function firstMatch(rules: readonly [RegExp, string][], text: string, otherwise: string): string {
	return rules.find(([pattern]) => pattern.test(text))?.[1] ?? otherwise;
}

/** What a failure or warning of the whole quote means. */
export function quoteReason(psaText: string): string {
	return firstMatch(QUOTE_REASONS, psaText, 'The PSA refused this quote.');
}

/** Why one line did not reach the PSA. */
export function lineReason(psaText: string): string {
	return firstMatch(LINE_REASONS, psaText, 'The PSA refused this line.');
}
