// The documentation of /api/admin: what only an admin may call over HTTP (admin changes to data are
// mutations, see components.schemas.Mutation).

import { z } from 'zod';
import { mailboxAnswerSchema } from '../../../shared/mail/sent-mail.ts';
import { activityPageSchema } from '../../../shared/schema/activity-entities.ts';
import { activityQuery } from '../../activity/activity-routes.ts';
import { provider } from '../../../shared/psa/providers.ts';
import { distributorConnectionSchema, distributorName } from '../../../shared/schema/distributor-entities.ts';
import { credentialsBody } from '../../admin/integration-routes.ts';
import { mailboxQuery } from '../../admin/mailbox-routes.ts';
import { named, type RouteDoc } from './route-doc.ts';
import { connectionAnswerSchema, okSchema } from './wire-shapes.ts';

const tag = 'Admin';
const params = z.object({ provider });
const distributorParams = z.object({ distributor: distributorName });
const distributorConnection = {
	status: 200,
	description:
		'The connection as tested: connected, reauthenticate, invalid_customer_number, credentials_refused or failed.',
	schema: named('DistributorConnectionAnswer', z.object({ connection: distributorConnectionSchema }))
};
const connection = {
	status: 200,
	description: 'The connection as tested.',
	schema: named('ConnectionAnswer', connectionAnswerSchema)
};

export const ADMIN_DOCS: RouteDoc[] = [
	{
		method: 'get',
		path: '/api/admin/activity',
		tag,
		access: 'admin',
		summary: 'The activity log, newest first, beyond what devices replicate',
		description:
			'Every change with who made it (a person and their device, a PSA sync, or the system), the entity and its fields before and after. Page with `before` set to the last id of the previous page.',
		query: activityQuery,
		response: { status: 200, description: 'A page of entries.', schema: named('ActivityPage', activityPageSchema) }
	},
	{
		method: 'get',
		path: '/api/admin/mailbox',
		tag,
		access: 'admin',
		summary: 'Mail sent for the organisation, newest first',
		description: 'Without SMTP the only place invitations and reset links arrive; with SMTP their links are taken out.',
		query: mailboxQuery,
		response: { status: 200, description: 'The mail.', schema: named('MailboxAnswer', mailboxAnswerSchema) }
	},
	{
		method: 'put',
		path: '/api/admin/integrations/:provider/credentials',
		tag,
		access: 'admin',
		summary: 'Save PSA credentials',
		description:
			"Checked against the provider's fields and the outbound URL policy, tested against the PSA, then sealed at rest; never sent back.",
		params,
		body: named('CredentialsRequest', credentialsBody),
		response: connection,
		errors: ['notFound', 'outboundUrlRefused', 'credentialsNotVerified']
	},
	{
		method: 'post',
		path: '/api/admin/integrations/:provider/test',
		tag,
		access: 'admin',
		summary: 'Test the saved PSA connection',
		params,
		response: connection,
		errors: ['notFound']
	},
	{
		method: 'delete',
		path: '/api/admin/integrations/:provider/credentials',
		tag,
		access: 'admin',
		summary: 'Forget PSA credentials',
		params,
		response: { status: 200, description: 'Forgotten.', schema: named('Ok', okSchema) },
		errors: ['notFound']
	},
	{
		method: 'put',
		path: '/api/admin/distributors/:distributor/credentials',
		tag,
		access: 'admin',
		summary: 'Save distributor ordering credentials',
		description:
			"Fields left out keep their saved value (Re-authenticate sends only Ingram Micro's clientSecret). Checked field by field and against the outbound URL policy, tested against the distributor, then sealed at rest; never sent back or replicated. A refusal names the fix: re-authenticate, or update the customer number.",
		params: distributorParams,
		body: named('DistributorCredentialsRequest', credentialsBody),
		response: distributorConnection,
		errors: ['notFound', 'invalidInput', 'outboundUrlRefused', 'credentialsNotVerified']
	},
	{
		method: 'post',
		path: '/api/admin/distributors/:distributor/test',
		tag,
		access: 'admin',
		summary: 'Test the saved distributor ordering credentials',
		description:
			"The cheapest call that logs in (Ingram Micro: a token and an order search that finds nothing; TD SYNNEX: a PO status look-up). The answer is also written to the distributor's replicated row.",
		params: distributorParams,
		response: distributorConnection,
		errors: ['notFound']
	},
	{
		method: 'delete',
		path: '/api/admin/distributors/:distributor/credentials',
		tag,
		access: 'admin',
		summary: 'Forget distributor ordering credentials',
		params: distributorParams,
		response: { status: 200, description: 'Forgotten; ordering is turned off.', schema: named('Ok', okSchema) },
		errors: ['notFound']
	}
];
