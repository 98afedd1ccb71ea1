// The documentation of /api/auth: password sign-in, the account links and sign-in with Google or
// Microsoft, with the schemas the routes validate with.

import { z } from 'zod';
import {
	emailRequestSchema,
	invitationAnswerSchema,
	newPasswordRequestSchema
} from '../../../shared/auth/account-links.ts';
import { loginSchema } from '../../auth/auth-routes.ts';
import { OIDC_PROVIDERS } from '../../auth/oidc/oidc-providers.ts';
import { startQuery } from '../../auth/oidc/oidc-routes.ts';
import { tokenSchema } from '../../auth/token-param.ts';
import { named, type RouteDoc } from './route-doc.ts';
import { mailAcceptedSchema, oidcProvidersSchema, okSchema, signedInSchema, verifiedSchema } from './wire-shapes.ts';

const tag = 'Sign-in';
const signedIn = named('SignedIn', signedInSchema);
const mailAccepted = {
	status: 202,
	description: 'Accepted, whether or not the account exists.',
	schema: named('MailAccepted', mailAcceptedSchema)
};
const signInRefusals = ['loginDisabled', 'emailNotVerified', 'loginMethodNotAllowed', 'notInvited'] as const;
const newPassword = named('NewPasswordRequest', newPasswordRequestSchema);
const emailRequest = named('EmailRequest', emailRequestSchema);
const oidcParams = z.object({ provider: z.enum(OIDC_PROVIDERS) });
const redirect = (description: string) => ({ status: 302, description, contentType: null });

export const AUTH_DOCS: RouteDoc[] = [
	{
		method: 'post',
		path: '/api/auth/login',
		tag,
		access: 'public',
		summary: 'Sign in with email and password',
		description:
			'Sets the HttpOnly session cookie and ends the session the browser held before. 5 failed attempts per account and 20 per address in 15 minutes, then 429 with Retry-After.',
		body: named('LoginRequest', loginSchema),
		response: { status: 200, description: 'Signed in.', schema: signedIn },
		errors: ['invalidCredentials', 'tooManyAttempts', ...signInRefusals]
	},
	{
		method: 'post',
		path: '/api/auth/logout',
		tag,
		access: 'public',
		summary: 'Sign out',
		description: 'Ends the session, if any, and clears its cookie.',
		response: { status: 200, description: 'Signed out.', schema: named('Ok', okSchema) }
	},
	{
		method: 'get',
		path: '/api/auth/me',
		tag,
		access: 'user',
		summary: 'The signed-in user',
		description: 'Roles, permissions and company link.',
		response: { status: 200, description: 'The user.', schema: signedIn }
	},
	{
		method: 'get',
		path: '/api/auth/invitation/:token',
		tag,
		access: 'public',
		summary: 'Who an invitation is for',
		params: tokenSchema,
		response: {
			status: 200,
			description: 'The invited person.',
			schema: named('InvitationAnswer', invitationAnswerSchema)
		},
		errors: ['tokenInvalid']
	},
	{
		method: 'post',
		path: '/api/auth/invitation/:token',
		tag,
		access: 'public',
		summary: 'Accept an invitation by choosing a password',
		description: 'Verifies the address and signs the person in.',
		params: tokenSchema,
		body: newPassword,
		response: { status: 200, description: 'Signed in.', schema: signedIn },
		errors: ['tokenInvalid', 'passwordTooWeak', ...signInRefusals]
	},
	{
		method: 'post',
		path: '/api/auth/verify-email/resend',
		tag,
		access: 'public',
		summary: 'Mail the verification link again',
		body: emailRequest,
		response: mailAccepted,
		errors: ['tooManyAttempts']
	},
	{
		method: 'post',
		path: '/api/auth/verify-email/:token',
		tag,
		access: 'public',
		summary: 'Verify an email address through its link',
		params: tokenSchema,
		response: { status: 200, description: 'Verified.', schema: named('Verified', verifiedSchema) },
		errors: ['tokenInvalid']
	},
	{
		method: 'post',
		path: '/api/auth/password-reset',
		tag,
		access: 'public',
		summary: 'Mail a password-reset link',
		body: emailRequest,
		response: mailAccepted,
		errors: ['tooManyAttempts']
	},
	{
		method: 'post',
		path: '/api/auth/password-reset/:token',
		tag,
		access: 'public',
		summary: 'Choose a new password through a reset link',
		description: 'Ends every other session of the user and signs them in.',
		params: tokenSchema,
		body: newPassword,
		response: { status: 200, description: 'Signed in.', schema: signedIn },
		errors: ['tokenInvalid', 'passwordTooWeak', ...signInRefusals]
	},
	{
		method: 'get',
		path: '/api/auth/oidc/providers',
		tag,
		access: 'public',
		summary: 'The enabled sign-in providers',
		response: {
			status: 200,
			description: 'Google and/or Microsoft, when configured.',
			schema: named('OidcProviders', oidcProvidersSchema)
		}
	},
	{
		method: 'get',
		path: '/api/auth/oidc/:provider/start',
		tag,
		access: 'public',
		summary: 'Start signing in with Google or Microsoft',
		description: 'A browser navigation: redirects to the provider (authorization code with PKCE).',
		params: oidcParams,
		query: startQuery,
		response: redirect('To the provider, or to the sign-in page with ?signin_error=<code>.'),
		errors: ['notFound']
	},
	{
		method: 'get',
		path: '/api/auth/oidc/:provider/callback',
		tag,
		access: 'public',
		summary: 'Where the provider sends the browser back',
		description:
			'Signs the person in and redirects into the app; a refusal redirects to the sign-in page with ?signin_error=<code> (provider_sign_in_failed, provider_email_not_verified, unknown_account, login_method_not_allowed, ...).',
		params: oidcParams,
		response: redirect('Into the app, or to the sign-in page with ?signin_error=<code>.'),
		errors: ['notFound']
	}
];
