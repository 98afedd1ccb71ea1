// Zod schemas of the HaloPSA envelopes (psa-apis.md §3.2-3.7): the token answer, list pages (a
// `record_count` envelope or a bare array), and the error bodies Halo is seen to send.

import { z } from 'zod';

/** §3.2: field names [3P]; `expires_in` is commonly 3600 [UNVERIFIED], so a missing one means an hour. */
export const tokenResponseSchema = z.looseObject({
	access_token: z.string().min(1),
	token_type: z.string().nullish(),
	expires_in: z.coerce.number().positive().nullish(),
	scope: z.string().nullish()
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** §3.4 [3P]: `{ "record_count": 237, "<key>": [...] }`; `/Agent` answers a bare array (§3.3 [3P]). */
export const listEnvelopeSchema = z.union([
	z.array(z.unknown()),
	z.looseObject({ record_count: z.coerce.number().int().nonnegative().nullish() })
]);

/** The model-state dictionary of a 400 (§3.7 [3P]): `{ "[0].id": "…" }`, values as strings or lists. */
export const modelStateSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** The other bodies `[HALO-PS]` New-HaloError meets (§3.7 [3P]). */
export const messageBodySchema = z.union([
	z.looseObject({ errorMessage: z.string() }),
	z.looseObject({ Message: z.string() }),
	z.looseObject({ message: z.string() }),
	z.looseObject({ error_description: z.string() }),
	z.looseObject({ error: z.string() })
]);
