import { describe, expect, it } from 'vitest';
import { companyLinkCause, supportContactOf } from './access-refusal.ts';

describe('companyLinkCause', () => {
	it('names no company before an unverified link', () => {
		expect(companyLinkCause({ isAdmin: false, companyId: null, companyVerified: false })).toBe('no_company');
		expect(companyLinkCause({ isAdmin: false, companyId: 'c', companyVerified: false })).toBe('link_not_verified');
	});
	it('is null for a verified link, and for an admin whatever the link', () => {
		expect(companyLinkCause({ isAdmin: false, companyId: 'c', companyVerified: true })).toBeNull();
		expect(companyLinkCause({ isAdmin: true, companyId: null, companyVerified: false })).toBeNull();
	});
});

describe('supportContactOf', () => {
	it('is the profile’s contact when any part is set', () => {
		expect(supportContactOf({ supportName: '', supportEmail: 'help@msp.example', supportPhone: '' })).toEqual({
			name: '',
			email: 'help@msp.example',
			phone: ''
		});
	});
	it('is null for a profile that names none, an old row without the fields, or no profile', () => {
		expect(supportContactOf({ supportName: '', supportEmail: '', supportPhone: '' })).toBeNull();
		expect(supportContactOf({})).toBeNull();
		expect(supportContactOf(undefined)).toBeNull();
	});
});
