// Text from a request that the store must keep as is, such as a rejection's message quoting an
// argument's key: PostgreSQL refuses NUL in text outright (failing the whole transaction), and a lone
// UTF-16 surrogate comes back as U+FFFD anyway. Both become U+FFFD before they reach a column.

import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(text: string): string {
	return text.replace(UNSTORABLE, '\uFFFD');
}

/** Free text from a person or a device, at most maxLength long, made storable on the way in. */
export function storedText(maxLength: number) {
	return z.string().max(maxLength).transform(storableText);
}
