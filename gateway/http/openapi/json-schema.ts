// A zod schema as a JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1), through zod 4's own
// z.toJSONSchema. Requests are described as the caller sends them (input), answers as they arrive.

import { z } from 'zod';

export type JsonSchema = { [key: string]: unknown };

export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
	const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
	// Shared definitions would point into this schema's root, which is not the document's root.
	if ('$defs' in rest) throw new Error('A documented schema must not need $defs; name its parts instead.');
	return rest;
}
