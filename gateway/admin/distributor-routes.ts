// /api/admin/distributors/:distributor: the parts of Admin > Distributors that need the network.
// Ordering credentials are checked field by field and against the outbound policy, tested against the
// distributor, and only then sealed at rest; never sent back. Fields left out keep their saved value,
// so Re-authenticate sends only the new client secret. Ordering on/off and the preference order are
// replicated rows and mutations (shared/mutations/distributor-mutations.ts).

import { Hono } from 'hono';
import { ERRORS } from '../../shared/errors.ts';
import {
	DISTRIBUTOR_LABELS,
	distributorName,
	type DistributorConnection,
	type DistributorName
} from '../../shared/schema/distributor-entities.ts';
import { DISTRIBUTOR_ACCOUNTS } from '../distributors/distributor-accounts.ts';
import { updateDistributor } from '../distributors/distributor-rows.ts';
import type { AppEnv } from '../http/app-env.ts';
import { errorResponse, statusOf } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import type { PsaServices } from '../psa/psa-services.ts';
import { credentialsBody, describeFields } from './integration-routes.ts';

export function distributorRoutes(deps: { psa: PsaServices; now(): number }) {
	const { psa } = deps;
	const nameOf = (c: { req: { param(key: 'distributor'): string } }) => c.req.param('distributor') as DistributorName;

	return new Hono<AppEnv>()
		.use('/:distributor/*', async (c, next) => {
			if (!distributorName.safeParse(c.req.param('distributor')).success) {
				return errorResponse(c, ERRORS.notFound.code, `No distributor called "${c.req.param('distributor')}".`);
			}
			await next();
		})
		.put('/:distributor/credentials', jsonBody(credentialsBody), async (c) => {
			const name = nameOf(c);
			const label = DISTRIBUTOR_LABELS[name];
			const account = DISTRIBUTOR_ACCOUNTS[name];
			const { orgId } = c.get('principal');
			const saved = await psa.vault.open(orgId, account.vaultKey);
			const given = { ...(isRecord(saved) ? saved : {}), ...c.req.valid('json').credentials };
			const parsed = account.fields.safeParse(given);
			if (!parsed.success) {
				const problems = describeFields(parsed.error, given);
				const list = Object.entries(problems).map(([field, why]) => `${field} (${why})`);
				const message = `These ${label} credentials are missing or invalid: ${list.join(', ')}.`;
				return c.json({ error: { code: ERRORS.invalidInput.code, message, fields: Object.keys(problems) } }, 400);
			}
			for (const [field, url] of Object.entries(account.urlsOf(parsed.data))) {
				const verdict = await psa.outbound.check(url);
				if (verdict.ok) continue;
				const { code } = ERRORS.outboundUrlRefused;
				const error = { code, message: `${field}: ${verdict.message}`, fields: [field], rule: verdict.rule };
				return c.json({ error }, statusOf(code));
			}
			// Saved only once the distributor accepts them: credentials that do not work would fail every order.
			const outcome = await account.test(parsed.data, { outbound: psa.outbound });
			if (outcome.state !== 'connected') {
				const { code } = ERRORS.credentialsNotVerified;
				const message = `${label} did not accept these credentials, so they were not saved: ${outcome.message}`;
				return c.json({ error: { code, message, state: outcome.state } }, statusOf(code));
			}
			await psa.vault.save(orgId, account.vaultKey, parsed.data, deps.now());
			const connection: DistributorConnection = { ...outcome, checkedAt: deps.now() };
			await updateDistributor(psa.write, orgId, name, (row) => ({
				...row,
				...account.shown(parsed.data),
				configured: true,
				connection
			}));
			return c.json({ connection });
		})
		.post('/:distributor/test', async (c) => {
			const name = nameOf(c);
			const account = DISTRIBUTOR_ACCOUNTS[name];
			const { orgId } = c.get('principal');
			const saved = await psa.vault.open(orgId, account.vaultKey);
			if (saved === null) {
				const message = `${DISTRIBUTOR_LABELS[name]} is not configured at Admin > Distributors.`;
				return c.json({ connection: { state: 'failed', message, checkedAt: deps.now() } });
			}
			const parsed = account.fields.safeParse(saved);
			const outcome = parsed.success
				? await account.test(parsed.data, { outbound: psa.outbound })
				: {
						state: 'failed' as const,
						message: `The saved ${DISTRIBUTOR_LABELS[name]} credentials are incomplete: enter them again at Admin > Distributors.`
					};
			const connection: DistributorConnection = { ...outcome, checkedAt: deps.now() };
			await updateDistributor(psa.write, orgId, name, (row) => ({ ...row, configured: true, connection }));
			return c.json({ connection });
		})
		.delete('/:distributor/credentials', async (c) => {
			const name = nameOf(c);
			const { orgId } = c.get('principal');
			await psa.vault.remove(orgId, DISTRIBUTOR_ACCOUNTS[name].vaultKey);
			await updateDistributor(psa.write, orgId, name, (row) => ({
				...row,
				configured: false,
				orderingEnabled: false,
				customerNumber: null,
				country: null,
				connection: { state: 'untested', message: '', checkedAt: null }
			}));
			return c.json({ ok: true });
		});
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
