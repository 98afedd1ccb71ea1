// What the API documentation knows about one route: the zod schemas it validates with, who may
// call it, what it answers and which error codes it can give. The OpenAPI document is built from
// these entries; it does not read the routes themselves (the parity test compares the two).

import type { z } from 'zod';
import type { ErrorKey } from '../../../shared/errors.ts';

/** public: anyone; user: a signed-in user with a verified company link (or an admin); admin: an admin. */
export type Access = 'public' | 'user' | 'admin';

/** A schema with the name it gets under components.schemas. */
export type NamedSchema = { name: string; schema: z.ZodType };

export function named(name: string, schema: z.ZodType): NamedSchema {
	return { name, schema };
}

export type RouteDoc = {
	method: 'get' | 'post' | 'put' | 'delete';
	/** The path as Hono spells it, `/api/auth/invitation/:token`. */
	path: string;
	summary: string;
	description?: string;
	tag: string;
	access: Access;
	params?: z.ZodObject;
	query?: z.ZodObject;
	body?: NamedSchema;
	response: {
		status: number;
		description: string;
		/** JSON by default; `contentType` for anything else (the poke stream, the docs page), null for no body. */
		schema?: NamedSchema;
		contentType?: string | null;
	};
	/** Errors this route gives itself; what its access level and validation add comes on top. */
	errors?: ErrorKey[];
};
