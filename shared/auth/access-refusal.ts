// What an "Access Forbidden" answer tells the person refused, beyond the seeds' sentence: which
// account is signed in, which of the seeds' causes applies, and whom to ask. Only ever about the
// requester's own account and organisation.

import { z } from 'zod';
import type { Principal } from './permissions.ts';

export const ACCESS_CAUSES = {
	/** "Your user is not linked to a company". */
	noCompany: 'no_company',
	/** Linked, but "the link is not verified". */
	linkNotVerified: 'link_not_verified'
} as const;

export const supportContactSchema = z.object({ name: z.string(), email: z.string(), phone: z.string() });
export type SupportContact = z.infer<typeof supportContactSchema>;

export const accessRefusalSchema = z.object({
	account: z.object({ email: z.string(), name: z.string() }),
	cause: z.enum([ACCESS_CAUSES.noCompany, ACCESS_CAUSES.linkNotVerified]),
	/** The organisation's support contact, null when an admin has set none. */
	support: supportContactSchema.nullable()
});
export type AccessRefusal = z.infer<typeof accessRefusalSchema>;

/** Which company-link cause keeps this person out, or null when their link is in order. */
export function companyLinkCause(p: Pick<Principal, 'isAdmin' | 'companyId' | 'companyVerified'>) {
	if (p.isAdmin) return null;
	if (p.companyId === null) return ACCESS_CAUSES.noCompany;
	return p.companyVerified ? null : ACCESS_CAUSES.linkNotVerified;
}

/** The support contact an organisation profile names, or null when it names none. */
export function supportContactOf(
	profile: { supportName?: string; supportEmail?: string; supportPhone?: string } | undefined
): SupportContact | null {
	const contact = {
		name: profile?.supportName ?? '',
		email: profile?.supportEmail ?? '',
		phone: profile?.supportPhone ?? ''
	};
	return contact.name || contact.email || contact.phone ? contact : null;
}
