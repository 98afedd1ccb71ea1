// The zod pieces every PSA's credentials schema is built from, so each field has a length cap and a
// message the admin can act on. What the fields mean belongs to each provider's credentials module.

import { z } from 'zod';
import { CREDENTIAL_MAX_LENGTH, CREDENTIAL_URL_MAX_LENGTH } from '../../../shared/psa/credential-fields.ts';

const capped = (max: number) => `at most ${max} characters`;

/** A name, key or id: trimmed, required, capped. */
export const credentialText = () =>
	z.string().trim().min(1, 'required').max(CREDENTIAL_MAX_LENGTH, capped(CREDENTIAL_MAX_LENGTH));

/** A secret is kept exactly as typed. */
export const credentialSecret = () =>
	z.string().min(1, 'required').max(CREDENTIAL_MAX_LENGTH, capped(CREDENTIAL_MAX_LENGTH));

/** An http(s) URL without a trailing slash. Whether the gateway may call it is the outbound policy's say. */
export const credentialUrl = () =>
	z
		.string()
		.trim()
		.max(CREDENTIAL_URL_MAX_LENGTH, capped(CREDENTIAL_URL_MAX_LENGTH))
		.pipe(z.url({ protocol: /^https?$/, message: 'an http or https URL' }));
