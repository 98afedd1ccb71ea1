// zod schemas of answers the gateway builds from TypeScript types rather than a validator. Each is
// checked at compile time against the type the handler returns, so the documentation cannot drift.

import { z } from 'zod';
import { ERRORS } from '../../../shared/errors.ts';
import { integrationSchema } from '../../../shared/schema/psa-entities.ts';
import { userProfileSchema } from '../../../shared/auth/user-profile.ts';
import { accessRefusalSchema } from '../../../shared/auth/access-refusal.ts';
import { cookieSchema, type PullResponse, type PushResponse } from '../../../shared/sync/protocol.ts';
import { OIDC_PROVIDERS } from '../../auth/oidc/oidc-providers.ts';
import type { StoreKind } from '../../store/store.ts';

const ERROR_CODES = [...new Set(Object.values(ERRORS).map((e) => e.code))] as [string, ...string[]];

export const errorBodySchema = z.object({
	error: z.object({
		code: z.enum(ERROR_CODES),
		message: z.string().describe('A sentence a person can act on.'),
		fields: z.array(z.string()).optional().describe('PSA credentials: the fields that were wrong.'),
		rule: z.string().optional().describe('outbound_url_refused: the rule the address broke.'),
		access: accessRefusalSchema
			.optional()
			.describe('company_link_required: the account signed in, which cause applies, and whom to ask.')
	})
});

export const healthSchema = z.object({
	ok: z.literal(true),
	store: z.enum(['sqlite', 'postgres'] satisfies StoreKind[]),
	sandbox: z.boolean()
});

export const okSchema = z.object({ ok: z.literal(true) });
export const signedInSchema = z.object({ user: userProfileSchema });
export const verifiedSchema = z.object({ verified: z.literal(true) });
export const mailAcceptedSchema = z.object({ accepted: z.literal(true) });
export const connectionAnswerSchema = z.object({ connection: integrationSchema.shape.connection });
export const oidcProvidersSchema = z.object({
	providers: z.array(z.object({ id: z.enum(OIDC_PROVIDERS), name: z.string() }))
});

const code = z.string();
const message = z.string();
export const pushResponseSchema = z.object({
	results: z.array(
		z.discriminatedUnion('status', [
			z.object({ id: z.number().int(), status: z.literal('applied') }),
			z.object({ id: z.number().int(), status: z.literal('duplicate') }),
			z.object({ id: z.number().int(), status: z.literal('rejected'), code, message })
		])
	)
});

export const pullResponseSchema = z.object({
	cookie: cookieSchema,
	lastMutationIDChanges: z.record(z.string(), z.number().int()),
	rejections: z.array(
		z.object({ clientID: z.string(), mutationID: z.number().int(), name: z.string(), code, message })
	),
	more: z.boolean(),
	patch: z.array(
		z.discriminatedUnion('op', [
			z.object({ op: z.literal('put'), table: z.string(), id: z.string(), value: z.unknown() }),
			z.object({ op: z.literal('del'), table: z.string(), id: z.string() }),
			z.object({ op: z.literal('clear') })
		])
	)
});

// Compile-time: each documented shape is exactly the type the handler answers with.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<z.infer<typeof pushResponseSchema>, PushResponse>;
true satisfies Same<z.infer<typeof pullResponseSchema>, PullResponse>;
