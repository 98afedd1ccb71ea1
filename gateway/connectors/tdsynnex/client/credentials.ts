// The EC Express XML credentials (psa-apis.md §5.2 [3P]): a user and password that travel inside every
// XML body, the customer (account) number they order for, and the host of the customer's country.

import { z } from 'zod';
import { credentialSecret, credentialText, credentialUrl } from '../../common/credential-text.ts';

/** Production hosts by country (§5.2); the test hosts are `testec.…`. */
export const TDSYNNEX_HOSTS = {
	US: 'https://ec.us.tdsynnex.com',
	CA: 'https://ec.ca.tdsynnex.com'
} as const;

export const tdSynnexCredentialsSchema = z.object({
	/** The EC Express user, usually an email address. */
	userName: credentialText(),
	password: credentialSecret(),
	/** TD SYNNEX's account number for the MSP: digits only (§5.2 examples: 780980). */
	customerNumber: z
		.string()
		.trim()
		.regex(/^\d{1,12}$/, 'digits only, as TD SYNNEX shows the account number'),
	/** Where the XML API answers: a country host, a test host, or the simulator in sandbox mode. */
	baseUrl: credentialUrl().default(TDSYNNEX_HOSTS.US)
});
export type TdSynnexCredentials = z.infer<typeof tdSynnexCredentialsSchema>;
export type TdSynnexCredentialsInput = z.input<typeof tdSynnexCredentialsSchema>;
