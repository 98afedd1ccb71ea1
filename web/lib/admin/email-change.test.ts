import { describe, expect, it } from 'vitest';
import { buildUser } from '../../../shared/test/builders.ts';
import { checkEmailChange, emailChangedNotice } from './email-change.ts';

const pat = buildUser({ id: 'pat', name: 'Pat', email: 'pat@example.test' });
const sam = buildUser({ id: 'sam', email: 'sam@example.test' });

describe('checkEmailChange', () => {
	it('takes the address trimmed and in lower case', () => {
		expect(checkEmailChange(pat, '  Pat.New@Example.TEST ', [pat, sam])).toEqual({
			ok: true,
			email: 'pat.new@example.test',
			changed: true
		});
	});
	it('sees the same address in another case as no change', () => {
		expect(checkEmailChange(pat, 'PAT@example.test', [pat, sam])).toEqual({
			ok: true,
			email: 'pat@example.test',
			changed: false
		});
	});
	it('refuses another user’s address, in any case', () => {
		expect(checkEmailChange(pat, 'Sam@Example.test', [pat, sam])).toEqual({
			ok: false,
			message: 'Another user already has this email address.'
		});
	});
	it('refuses what is not an address', () => {
		expect(checkEmailChange(pat, 'pat at example', [pat])).toEqual({
			ok: false,
			message: 'Enter an email address such as name@example.com.'
		});
	});
});

describe('emailChangedNotice', () => {
	it('says the address must be verified and that the PSA matches on it', () => {
		expect(emailChangedNotice(pat, 'pat.new@example.test')).toBe(
			'Saved. When this device syncs, pat.new@example.test gets a link to verify it; until then Pat cannot sign in with a password. The next Synchronize with your PSA matches them on this address.'
		);
	});
});
