// The texts of the mail that account links travel in (verification, password reset): short, plain,
// the link on a line of its own. The invitation's text lives with its server effect.

import type { Mail } from './mailer.ts';

type Recipient = { orgId: string; email: string; name: string };

export function verificationMail(to: Recipient, link: string): Mail {
	return {
		orgId: to.orgId,
		to: to.email,
		subject: 'Verify your email address for Outpost',
		body: `Hello ${to.name},\n\nOpen this link to verify your email address (it works once, for 2 days):\n\n${link}\n\nThen sign in to Outpost as usual.\n`
	};
}

export function passwordResetMail(to: Recipient, link: string): Mail {
	return {
		orgId: to.orgId,
		to: to.email,
		subject: 'Reset your Outpost password',
		body: `Hello ${to.name},\n\nSomeone asked to reset the password of your Outpost account. To choose a new one, open this link (it works once, for 1 hour):\n\n${link}\n\nIf it was not you, ignore this mail: your password stays as it is.\n`
	};
}
