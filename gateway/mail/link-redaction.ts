// Takes the live one-time links (invitation, verification, reset) out of a mail body, for the copy
// kept after the mail went out by SMTP: the recipient has the link, nobody else needs it.

import { TOKEN_CHARACTERS } from '../auth/one-time-tokens.ts';

export const REDACTED_LINK = '(link sent by mail, not kept)';

/** Any URL whose last path segment has the shape of a one-time token. */
const LINK = new RegExp(`\\S*/${TOKEN_CHARACTERS}(?![A-Za-z0-9_-])`, 'g');

export function redactLinks(body: string): string {
	return body.replace(LINK, REDACTED_LINK);
}
