// A contact as the text a person edits, and back, checked by the zod contact schema.

import { contactSchema, type Contact } from '../../../shared/schema/catalog-entities.ts';

export type ContactDraft = Pick<Contact, 'name' | 'email' | 'phone' | 'jobTitle'>;
export type ContactErrors = Partial<Record<keyof ContactDraft, string>>;

const LABELS: Record<keyof ContactDraft, string> = {
	name: 'Name',
	email: 'Email',
	phone: 'Phone',
	jobTitle: 'Job title'
};

export function emptyContactDraft(): ContactDraft {
	return { name: '', email: '', phone: '', jobTitle: '' };
}

export function toContactDraft(contact: Contact): ContactDraft {
	return { name: contact.name, email: contact.email, phone: contact.phone, jobTitle: contact.jobTitle };
}

export function fromContactDraft(
	id: string,
	companyId: string,
	draft: ContactDraft
): { ok: true; contact: Contact } | { ok: false; errors: ContactErrors } {
	const checked = contactSchema.safeParse({ id, companyId, ...draft });
	if (checked.success) return { ok: true, contact: checked.data };
	const errors: ContactErrors = {};
	for (const issue of checked.error.issues) {
		const field = issue.path[0] as keyof ContactDraft;
		if (!(field in LABELS) || errors[field]) continue;
		errors[field] =
			field === 'email'
				? 'Email must be an address like name@example.com, or empty.'
				: issue.code === 'too_small'
					? `${LABELS[field]} must not be empty.`
					: `${LABELS[field]} is too long.`;
	}
	return { ok: false, errors };
}
