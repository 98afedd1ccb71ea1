// A moment as milliseconds since 1970, as every row and wire message carries it: bounded to what a
// Date can hold, so formatting one never throws.

import { z } from 'zod';

/** The last millisecond ECMAScript dates reach (year 275760). */
export const LAST_DATE_MS = 8_640_000_000_000_000;

export const timestamp = z.number().int().nonnegative().max(LAST_DATE_MS, 'must be a time a calendar can show');
