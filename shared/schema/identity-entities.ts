// Zod schemas of the replicated identity rows that admins manage: users (without any credential),
// roles (named sets of permissions) and the organisation's sign-in settings; and the staff directory
// derived from users for everyone on the staff.

import { z } from 'zod';
import { PERMISSION_KEYS, type Permission } from '../auth/permissions.ts';
import { activityRetentionDays } from './activity-entities.ts';
import { id } from './entities.ts';

export const LOGIN_METHODS = ['password', 'google', 'microsoft'] as const;
export const loginMethod = z.enum(LOGIN_METHODS);
export type LoginMethod = z.infer<typeof loginMethod>;

export const permissionSchema = z.enum(PERMISSION_KEYS as [Permission, ...Permission[]]);

export const userSchema = z.object({
	id,
	email: z.string().trim().toLowerCase().pipe(z.email()),
	name: z.string().min(1).max(200),
	isAdmin: z.boolean(),
	/** 'msp' for the MSP's own staff, 'customer' for a contact of a customer company. */
	kind: z.enum(['msp', 'customer']),
	roleIds: z.array(id).max(50),
	companyId: id.nullable(),
	companyVerified: z.boolean(),
	loginDisabled: z.boolean(),
	loginMethods: z.array(loginMethod).min(1),
	/** The user's identifiers in each PSA (autotask, connectwise, halopsa), for user linking. */
	externalIds: z.record(z.string(), z.string()),
	invitedAt: z.number().int().nullable(),
	createdAt: z.number().int()
});

/** One of the organisation's people as every colleague sees them (shared/auth/staff-directory.ts). */
export const staffMemberSchema = z.object({ id, name: z.string().min(1).max(200) });

export const roleSchema = z.object({
	id,
	name: z.string().trim().min(1).max(100),
	permissions: z.array(permissionSchema)
});

export const AUTH_SETTINGS_ID = 'auth';

export const authSettingsSchema = z.object({
	id: z.literal(AUTH_SETTINGS_ID),
	/** Email domains of the MSP itself: people with such an address must be invited before signing in. */
	mspDomains: z.array(
		z
			.string()
			.trim()
			.toLowerCase()
			.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a domain like example.com')
	),
	/** Days the activity log keeps its entries; DEFAULT_ACTIVITY_RETENTION_DAYS when unset. */
	activityRetentionDays: activityRetentionDays.optional()
});

export type User = z.infer<typeof userSchema>;
export type Role = z.infer<typeof roleSchema>;
export type StaffMember = z.infer<typeof staffMemberSchema>;
export type AuthSettings = z.infer<typeof authSettingsSchema>;
