// /api/auth account links: accepting an invitation, verifying an email address, resetting a
// password. Each flow is a small sub-app; this file names what they all need.

import { Hono } from 'hono';
import type { ClientAddress } from '../http/client-address.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { Mailer } from '../mail/mailer.ts';
import { invitationRoutes } from './invitation-routes.ts';
import type { PasswordHasher } from './password-hasher.ts';
import { passwordResetRoutes } from './password-reset-routes.ts';
import type { SignInAttempts } from './sign-in-attempts.ts';
import type { SessionDeps } from './start-session.ts';
import { verifyEmailRoutes } from './verify-email-routes.ts';

export type AccountDeps = SessionDeps & {
	passwords: PasswordHasher;
	attempts: SignInAttempts;
	clientAddress: ClientAddress;
	mailer: Mailer;
	/** Where links in mail point, e.g. http://localhost:8787. */
	publicUrl: string;
	log: (message: string, detail?: unknown) => void;
};

export function accountRoutes(deps: AccountDeps) {
	return new Hono<AppEnv>()
		.route('/invitation', invitationRoutes(deps))
		.route('/verify-email', verifyEmailRoutes(deps))
		.route('/password-reset', passwordResetRoutes(deps));
}
