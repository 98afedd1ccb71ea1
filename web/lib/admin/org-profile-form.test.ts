import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES } from '../../../shared/org/logo-image.ts';
import { fieldsOf, logoFileProblem, profileOf } from './org-profile-form.ts';

describe('the organisation profile form', () => {
	it('starts from the MSP company’s name when there is no profile yet', () => {
		expect(fieldsOf(undefined, 'Northwind')).toEqual({
			name: 'Northwind',
			address: '',
			phone: '',
			email: '',
			website: '',
			logo: null,
			supportEmail: ''
		});
	});

	it('turns the typed address into trimmed lines, blank ones dropped, and back', () => {
		const fields = { ...fieldsOf(undefined, ' Northwind '), address: ' 400 Harbour Street \n\n Seattle, WA 98101\n' };
		const profile = profileOf(fields);
		expect(profile).toMatchObject({ name: 'Northwind', addressLines: ['400 Harbour Street', 'Seattle, WA 98101'] });
		expect(fieldsOf({ id: 'profile', ...profile }, 'x').address).toBe('400 Harbour Street\nSeattle, WA 98101');
	});

	it('takes PNG and JPEG files up to the cap, and says why it refuses others', () => {
		expect(logoFileProblem({ type: 'image/png', size: LOGO_MAX_BYTES })).toBeNull();
		expect(logoFileProblem({ type: 'image/jpeg', size: 1_000 })).toBeNull();
		expect(logoFileProblem({ type: 'image/svg+xml', size: 1_000 })).toBe('The logo must be a PNG or JPEG image.');
		expect(logoFileProblem({ type: 'image/png', size: LOGO_MAX_BYTES + 1 })).toBe('The logo must be at most 64 KB.');
	});
});
