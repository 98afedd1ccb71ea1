// Each distributor's ordering account as Admin › Distributors handles it: the fields an admin enters
// (zod, capped, control characters refused), the URLs the outbound policy must allow, the non-secret
// settings that replicate, and the connection test. The credentials themselves stay in the vault.

import { z } from 'zod';
import type { DistributorName } from '../../shared/schema/distributor-entities.ts';
import type { ConnectionOutcome } from '../connectors/common/distributor-connection.ts';
import { credentialUrl } from '../connectors/common/credential-text.ts';
import type { OutboundPolicy } from '../connectors/common/outbound-policy.ts';
import type { FetchLike } from '../connectors/common/transport-core.ts';
import { ingramCredentialsSchema, type IngramCredentials } from '../connectors/ingrammicro/client/credentials.ts';
import { testIngramCredentials } from '../connectors/ingrammicro/connection-check.ts';
import { INGRAM_CREDENTIALS_KEY } from '../connectors/ingrammicro/ordering-credentials.ts';
import {
	TDSYNNEX_HOSTS,
	tdSynnexCredentialsSchema,
	type TdSynnexCredentials
} from '../connectors/tdsynnex/client/credentials.ts';
import { testTdSynnexCredentials } from '../connectors/tdsynnex/connection-check.ts';
import { TDSYNNEX_CREDENTIALS_KEY } from '../connectors/tdsynnex/ordering-credentials.ts';

export type CheckDeps = { outbound: OutboundPolicy; fetch?: FetchLike };

export type DistributorAccount<C> = {
	/** The `provider` column of integration_credentials. */
	vaultKey: string;
	/** What the admin enters; what it returns is sealed as is. */
	fields: z.ZodType<C>;
	/** Fields that hold secrets: left blank on the screen, they keep their saved value. */
	secretFields: readonly string[];
	urlsOf(credentials: C): Record<string, string>;
	/** What replicates to admins. */
	shown(credentials: C): { customerNumber: string; country: string };
	test(credentials: C, deps: CheckDeps): Promise<ConnectionOutcome>;
};

const ingram: DistributorAccount<IngramCredentials> = {
	vaultKey: INGRAM_CREDENTIALS_KEY,
	fields: ingramCredentialsSchema,
	secretFields: ['clientSecret'],
	urlsOf: (credentials) => ({ apiUrl: credentials.apiUrl }),
	shown: (credentials) => ({ customerNumber: credentials.customerNumber, country: credentials.countryCode }),
	test: testIngramCredentials
};

export const TDSYNNEX_COUNTRIES = ['US', 'CA'] as const;

/** TD SYNNEX's credentials and the account's country, whose host is the default API address. */
const tdSynnexFields = tdSynnexCredentialsSchema
	.extend({
		country: z.enum(TDSYNNEX_COUNTRIES, { message: 'US or CA' }).default('US'),
		baseUrl: credentialUrl().optional()
	})
	.transform((fields) => ({ ...fields, baseUrl: fields.baseUrl ?? TDSYNNEX_HOSTS[fields.country] }));
type TdSynnexAccount = TdSynnexCredentials & { country: (typeof TDSYNNEX_COUNTRIES)[number] };

const tdsynnex: DistributorAccount<TdSynnexAccount> = {
	vaultKey: TDSYNNEX_CREDENTIALS_KEY,
	fields: tdSynnexFields,
	secretFields: ['password'],
	urlsOf: (credentials) => ({ baseUrl: credentials.baseUrl }),
	shown: (credentials) => ({ customerNumber: credentials.customerNumber, country: credentials.country }),
	test: testTdSynnexCredentials
};

export const DISTRIBUTOR_ACCOUNTS: Record<DistributorName, DistributorAccount<unknown>> = {
	ingrammicro: ingram as DistributorAccount<unknown>,
	tdsynnex: tdsynnex as DistributorAccount<unknown>
};
