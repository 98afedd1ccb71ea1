// A Hono validator that checks a JSON body against a zod schema; a body that does not fit gets a
// 400 naming each wrong field, so no handler ever sees unchecked input. Malformed JSON is answered
// in app.onError.

import { validator } from 'hono/validator';
import type { z } from 'zod';
import { ERRORS } from '../../shared/errors.ts';
import { describeZodError } from './describe-zod-error.ts';
import { errorResponse } from './errors.ts';
import { preloadBodyText } from './request-body.ts';

export function jsonBody<S extends z.ZodType>(schema: S) {
	const validate = validator('json', (value, c) => {
		const parsed = schema.safeParse(value);
		if (!parsed.success) return errorResponse(c, ERRORS.invalidInput.code, describeZodError(parsed.error));
		return parsed.data as z.infer<S>;
	});
	const readThenValidate: typeof validate = (c, next) => {
		preloadBodyText(c);
		return validate(c, next);
	};
	return readThenValidate;
}
