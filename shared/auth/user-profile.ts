// Who the signed-in user is, as /api/auth/me and the sign-in answer describe them. The client
// checks it with this schema before caching it for offline starts.

import { z } from 'zod';
import { PERMISSION_KEYS, type Principal } from './permissions.ts';

export const userProfileSchema = z.object({
	id: z.string(),
	email: z.string(),
	name: z.string(),
	orgId: z.string(),
	isAdmin: z.boolean(),
	kind: z.enum(['msp', 'customer']),
	roles: z.array(z.string()),
	permissions: z.array(z.enum(PERMISSION_KEYS as [string, ...string[]])),
	companyId: z.string().nullable(),
	companyVerified: z.boolean()
});

export type UserProfile = z.infer<typeof userProfileSchema> & { permissions: Principal['permissions'] };
