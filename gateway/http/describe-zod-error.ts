// Turns a zod error into one sentence that names each field that was wrong and why.

import type { z } from 'zod';

export function describeZodError(error: z.ZodError): string {
	return error.issues
		.slice(0, 5)
		.map((issue) => {
			const path = issue.path.length ? issue.path.join('.') : 'body';
			return `${path}: ${issue.message}`;
		})
		.join('; ');
}
