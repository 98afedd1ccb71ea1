// The MSP's organisation profile: the name, address and logo its customers see on every quote page and
// PDF, and its support contact. One row per organisation, replicated to everyone in it (customers
// included), edited by admins.

import { z } from 'zod';
import { ERRORS } from '../errors.ts';
import { checkLogoDataUrl } from '../org/logo-image.ts';

export const ORG_PROFILE_ID = 'profile';

const text = (max: number) => z.string().trim().max(max);

const optionalEmail = z.union([z.literal(''), z.string().trim().toLowerCase().pipe(z.email())]);

export const logoDataUrl = z
	.string()
	.max(100_000)
	.superRefine((url, ctx) => {
		const check = checkLogoDataUrl(url);
		if (!check.ok) {
			const key = check.reason === 'size' ? 'logoTooLarge' : 'logoNotAnImage';
			ctx.addIssue({ code: 'custom', message: ERRORS[key].message });
		}
	});

export const orgProfileSchema = z.object({
	id: z.literal(ORG_PROFILE_ID),
	name: text(200).min(1),
	/** The postal address, a line each ("12 Harbour Street", "Leeds LS1 4AB"). */
	addressLines: z.array(text(200).min(1)).max(5),
	phone: text(50),
	email: optionalEmail,
	website: text(200),
	/** A PNG or JPEG data URL (see shared/org/logo-image.ts); null for none. */
	logo: logoDataUrl.nullable(),
	/**
	 * Whom people of this organisation ask for help (seeds: "reach out to our support team"): shown
	 * on the Access Forbidden pages and in the account menu. '' for none; rows saved before have none.
	 */
	supportName: text(200).default(''),
	supportEmail: optionalEmail.default(''),
	supportPhone: text(50).default('')
});

export type OrgProfile = z.infer<typeof orgProfileSchema>;
