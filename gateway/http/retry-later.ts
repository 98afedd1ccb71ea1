// The answer to a throttled request: 429 too_many_attempts with Retry-After in seconds (RFC 9110 10.2.3).

import type { Context } from 'hono';
import { ERRORS } from '../../shared/errors.ts';
import { errorResponse } from './errors.ts';

export function retryLater(c: Context, retryAfterSeconds: number) {
	c.header('Retry-After', String(retryAfterSeconds));
	return errorResponse(c, ERRORS.tooManyAttempts.code, ERRORS.tooManyAttempts.message);
}
