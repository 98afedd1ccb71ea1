// What to tell someone before they sign out: nothing when no change is waiting and the server can
// hear of it now; otherwise what happens to their unsent changes and to their access offline.

export type SignOutWarning = { title: string; sentences: string[]; confirm: string };

export function signOutWarning(state: { pending: number; offline: boolean; email: string }): SignOutWarning | null {
	const { pending, offline, email } = state;
	if (pending === 0 && !offline) return null;
	const sentences: string[] = [];
	if (pending > 0) {
		const changes = pending === 1 ? '1 change has' : `${pending} changes have`;
		sentences.push(
			`${changes} not been sent yet. ${pending === 1 ? 'It stays' : 'They stay'} on this device for ${email} and ` +
				`${pending === 1 ? 'is' : 'are'} sent the next time you sign in here.`
		);
	}
	if (offline) {
		sentences.push(
			'You are offline: once signed out, you cannot open your quotes on this device until you have a signal and sign in again. Your session on the server ends when the signal returns.'
		);
	}
	return {
		title: pending > 0 ? 'Sign out with unsent changes?' : 'Sign out while offline?',
		sentences,
		confirm: pending > 0 ? 'Keep changes and sign out' : 'Sign out'
	};
}
