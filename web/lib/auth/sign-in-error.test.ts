import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../../shared/errors.ts';
import { describeSignInError } from './sign-in-error.ts';

const describeQuery = (query: string) => describeSignInError(new URLSearchParams(query));

describe('describeSignInError', () => {
	it('says nothing without a signin_error', () => {
		expect(describeQuery('')).toBeNull();
		expect(describeQuery('method=google')).toBeNull();
	});

	it.each([
		ERRORS.providerSignInFailed,
		ERRORS.providerEmailNotVerified,
		ERRORS.unknownAccount,
		ERRORS.loginDisabled,
		ERRORS.emailNotVerified,
		ERRORS.notInvited
	])('gives the catalogue sentence for $code', ({ code, message }) => {
		expect(describeQuery(`signin_error=${code}&method=google`)).toBe(message);
	});

	it('names the refused method and the allowed ones, as a password sign-in would', () => {
		expect(describeQuery('signin_error=login_method_not_allowed&method=google&allowed=password%2Cmicrosoft')).toBe(
			'Signing in with Google is not allowed for your account. Use password or Microsoft instead.'
		);
		expect(describeQuery('signin_error=login_method_not_allowed&method=microsoft&allowed=password')).toBe(
			'Signing in with Microsoft is not allowed for your account. Use password instead.'
		);
	});

	it('falls back to the general sentence when the methods are missing or not methods', () => {
		for (const query of [
			'signin_error=login_method_not_allowed',
			'signin_error=login_method_not_allowed&method=google&allowed=',
			'signin_error=login_method_not_allowed&method=Call+0800-SCAM&allowed=password',
			'signin_error=login_method_not_allowed&method=google&allowed=Call+0800-SCAM',
			'signin_error=login_method_not_allowed&method=constructor&allowed=toString'
		]) {
			expect(describeQuery(query), query).toBe(ERRORS.loginMethodNotAllowed.message);
		}
	});

	it('never shows text from the URL', () => {
		expect(describeQuery('signin_error=Your+account+is+locked.+Call+0800-SCAM')).toBeNull();
		expect(describeQuery('signin_error=constructor')).toBeNull();
		expect(describeQuery('signin_error=unknown_account&message=Call+0800-SCAM')).toBe(ERRORS.unknownAccount.message);
	});
});
