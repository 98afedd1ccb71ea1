// Admin › Organisation, pure: the form's text as the profile saveOrgProfile takes, and whether a
// picked logo file may be used before it is read.

import { ERRORS } from '../../../shared/errors.ts';
import { LOGO_MAX_BYTES, LOGO_TYPES } from '../../../shared/org/logo-image.ts';
import type { OrgProfile } from '../../../shared/schema/org-profile-entities.ts';

export type OrgProfileFields = {
	name: string;
	/** The address as typed: a line each. */
	address: string;
	phone: string;
	email: string;
	website: string;
	logo: string | null;
	supportEmail: string;
};

export function fieldsOf(profile: OrgProfile | undefined, fallbackName: string): OrgProfileFields {
	return {
		name: profile?.name ?? fallbackName,
		address: profile?.addressLines.join('\n') ?? '',
		phone: profile?.phone ?? '',
		email: profile?.email ?? '',
		website: profile?.website ?? '',
		logo: profile?.logo ?? null,
		supportEmail: profile?.supportEmail ?? ''
	};
}

export function profileOf(fields: OrgProfileFields): Omit<OrgProfile, 'id'> {
	return {
		name: fields.name.trim(),
		addressLines: fields.address
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean),
		phone: fields.phone.trim(),
		email: fields.email.trim(),
		website: fields.website.trim(),
		logo: fields.logo,
		supportEmail: fields.supportEmail.trim()
	};
}

/** Why this file cannot be the logo, or null when it may be read. */
export function logoFileProblem(file: { type: string; size: number }): string | null {
	if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return ERRORS.logoNotAnImage.message;
	if (file.size > LOGO_MAX_BYTES) return ERRORS.logoTooLarge.message;
	return null;
}
