import { describe, expect, it } from 'vitest';
import { signOutWarning } from './sign-out-warning.ts';

const email = 'sales@demo.outpost.test';

describe('signOutWarning', () => {
	it('says nothing online with nothing to send', () => {
		expect(signOutWarning({ pending: 0, offline: false, email })).toBeNull();
	});

	it('offline with changes waiting: they stay for this account, and access waits for a signal', () => {
		expect(signOutWarning({ pending: 3, offline: true, email })).toEqual({
			title: 'Sign out with unsent changes?',
			sentences: [
				'3 changes have not been sent yet. They stay on this device for sales@demo.outpost.test and are sent the next time you sign in here.',
				'You are offline: once signed out, you cannot open your quotes on this device until you have a signal and sign in again. Your session on the server ends when the signal returns.'
			],
			confirm: 'Keep changes and sign out'
		});
	});

	it('one change waiting, online (the session expired, say)', () => {
		expect(signOutWarning({ pending: 1, offline: false, email })).toEqual({
			title: 'Sign out with unsent changes?',
			sentences: [
				'1 change has not been sent yet. It stays on this device for sales@demo.outpost.test and is sent the next time you sign in here.'
			],
			confirm: 'Keep changes and sign out'
		});
	});

	it('offline with nothing waiting', () => {
		expect(signOutWarning({ pending: 0, offline: true, email })?.title).toBe('Sign out while offline?');
	});
});
