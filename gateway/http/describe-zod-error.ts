// Turns a zod error into one sentence that names each field that was wrong and why. `root` names
// what was checked (a request's `body`, a mutation's `args`), so a field reads `args.position`.

import type { z } from 'zod';

export function describeZodError(error: z.ZodError, root?: string): string {
	return error.issues
		.slice(0, 5)
		.map((issue) => {
			const segments = [...(root ? [root] : []), ...issue.path.map(String)];
			return `${segments.length ? segments.join('.') : 'body'}: ${issue.message}`;
		})
		.join('; ');
}
