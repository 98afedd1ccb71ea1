import { describe, expect, it } from 'vitest';
import { markFresh, takeFresh } from './fresh-quotes.ts';

describe('fresh quotes', () => {
	it('starts a quote just created in its add-a-line search once, not when it is opened again', () => {
		markFresh('q-new');
		expect(takeFresh('q-new')).toBe(true);
		expect(takeFresh('q-new')).toBe(false);
	});

	it('leaves a quote that was not created here alone', () => {
		expect(takeFresh('q-other')).toBe(false);
	});
});
