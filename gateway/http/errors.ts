// The one place that maps error codes to HTTP statuses, and the one error body shape:
// { "error": { "code", "message" } }.

import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERRORS } from '../../shared/errors.ts';

const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = {
	[ERRORS.invalidInput.code]: 400,
	[ERRORS.invalidCredentials.code]: 401,
	[ERRORS.notSignedIn.code]: 401,
	[ERRORS.loginMethodNotAllowed.code]: 403,
	[ERRORS.notInvited.code]: 403,
	[ERRORS.unknownAccount.code]: 403,
	[ERRORS.tooManyAttempts.code]: 429,
	[ERRORS.originRejected.code]: 403,
	[ERRORS.tokenInvalid.code]: 400,
	[ERRORS.loginDisabled.code]: 403,
	[ERRORS.emailNotVerified.code]: 403,
	[ERRORS.companyLinkRequired.code]: 403,
	[ERRORS.forbidden.code]: 403,
	[ERRORS.clientNotOwned.code]: 403,
	[ERRORS.notFound.code]: 404,
	[ERRORS.outboundUrlRefused.code]: 422,
	[ERRORS.credentialsNotVerified.code]: 422,
	[ERRORS.alreadySynchronizing.code]: 409,
	[ERRORS.outOfOrder.code]: 409,
	[ERRORS.versionNotSupported.code]: 409,
	[ERRORS.tooLarge.code]: 413,
	[ERRORS.temporarilyUnavailable.code]: 503
};

export function statusOf(code: string): ContentfulStatusCode {
	return STATUS_BY_CODE[code] ?? 400;
}

export function errorResponse(c: Context, code: string, message: string) {
	return c.json({ error: { code, message } }, statusOf(code));
}
