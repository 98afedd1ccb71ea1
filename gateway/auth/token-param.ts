// A link's token as a route parameter. Anything that cannot be a token is answered exactly like an
// unknown, used or expired one: 400 token_invalid.

import { validator } from 'hono/validator';
import { z } from 'zod';
import { ERRORS } from '../../shared/errors.ts';
import { errorResponse } from '../http/errors.ts';

export const tokenSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,200}$/) });

export const tokenParam = validator('param', (value, c) => {
	const parsed = tokenSchema.safeParse(value);
	if (!parsed.success) return errorResponse(c, ERRORS.tokenInvalid.code, ERRORS.tokenInvalid.message);
	return parsed.data;
});
