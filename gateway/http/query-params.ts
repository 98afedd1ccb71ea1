// A Hono validator that checks the query string against a zod schema, the twin of jsonBody: a
// query that does not fit gets a 400 naming each wrong parameter.

import { validator } from 'hono/validator';
import type { z } from 'zod';
import { ERRORS } from '../../shared/errors.ts';
import { describeZodError } from './describe-zod-error.ts';
import { errorResponse } from './errors.ts';

export function queryParams<S extends z.ZodType>(schema: S) {
	return validator('query', (value, c) => {
		const parsed = schema.safeParse(value);
		if (!parsed.success) return errorResponse(c, ERRORS.invalidInput.code, describeZodError(parsed.error));
		return parsed.data as z.infer<S>;
	});
}
