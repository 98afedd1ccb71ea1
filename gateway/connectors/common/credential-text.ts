// The zod pieces every PSA's credentials schema is built from, so each field has a length cap and a
// message the admin can act on. What the fields mean belongs to each provider's credentials module.

import { z } from 'zod';
import { CREDENTIAL_MAX_LENGTH, CREDENTIAL_URL_MAX_LENGTH } from '../../../shared/psa/credential-fields.ts';

const capped = (max: number) => `at most ${max} characters`;

// Keys, codes and names travel in HTTP headers (Autotask's, ConnectWise's clientId) and Basic auth,
// where a control character or one past Latin-1 cannot be sent at all.
const HEADER_SAFE = /^[\x20-\x7e\u00a0-\u00ff]*$/;
const HEADER_SAFE_MESSAGE = 'letters, digits, punctuation and spaces only (no control or non-Latin characters)';

/** A name, key or id: trimmed, required, capped. */
export const credentialText = () =>
	z
		.string()
		.trim()
		.min(1, 'required')
		.max(CREDENTIAL_MAX_LENGTH, capped(CREDENTIAL_MAX_LENGTH))
		.regex(HEADER_SAFE, HEADER_SAFE_MESSAGE);

/** A secret is kept exactly as typed. */
export const credentialSecret = () =>
	z
		.string()
		.min(1, 'required')
		.max(CREDENTIAL_MAX_LENGTH, capped(CREDENTIAL_MAX_LENGTH))
		.regex(HEADER_SAFE, HEADER_SAFE_MESSAGE);

/** An http(s) URL without a trailing slash. Whether the gateway may call it is the outbound policy's say. */
export const credentialUrl = () =>
	z
		.string()
		.trim()
		.max(CREDENTIAL_URL_MAX_LENGTH, capped(CREDENTIAL_URL_MAX_LENGTH))
		.pipe(z.url({ protocol: /^https?$/, message: 'an http or https URL' }));
