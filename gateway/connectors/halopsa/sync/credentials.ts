// What an admin saves under Admin › Integrations › HaloPSA, parsed by the adapter from
// `ctx.credentials`: the client's own schema (psa-apis.md §3.1-3.2), so the two cannot drift apart.

import { haloCredentialsSchema } from '../client/credentials.ts';

export const haloPsaCredentialsSchema = haloCredentialsSchema;
export type { HaloCredentials as HaloPsaCredentials } from '../client/credentials.ts';
