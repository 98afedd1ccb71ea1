import { describe, expect, it } from 'vitest';
import { emptyContactDraft, fromContactDraft, toContactDraft } from './contact-form.ts';

describe('contact form', () => {
	it('checks and tidies a contact', () => {
		const draft = {
			name: ' Carla Customer ',
			email: ' Carla@Acme.TEST ',
			phone: '+1 555 0100',
			jobTitle: 'Office Manager'
		};
		const result = fromContactDraft('k1', 'c-acme', draft);
		expect(result).toEqual({
			ok: true,
			contact: {
				id: 'k1',
				companyId: 'c-acme',
				name: 'Carla Customer',
				email: 'carla@acme.test',
				phone: '+1 555 0100',
				jobTitle: 'Office Manager'
			}
		});
		if (result.ok)
			expect(toContactDraft(result.contact)).toMatchObject({ name: 'Carla Customer', email: 'carla@acme.test' });
	});

	it('allows a contact without an email address', () => {
		expect(fromContactDraft('k1', 'c', { ...emptyContactDraft(), name: 'Pat' })).toMatchObject({ ok: true });
	});

	it('says which fields are wrong', () => {
		expect(
			fromContactDraft('k1', 'c', { name: ' ', email: 'not-an-address', phone: '1'.repeat(51), jobTitle: '' })
		).toEqual({
			ok: false,
			errors: {
				name: 'Name must not be empty.',
				email: 'Email must be an address like name@example.com, or empty.',
				phone: 'Phone is too long.'
			}
		});
	});
});
