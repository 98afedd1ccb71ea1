// /api/admin/integrations/:provider: the one part of Admin > Integrations that needs the network.
// Credentials are checked against the provider's schema and the outbound policy, tested against the
// PSA, and only then sealed at rest; never sent back. Everything else about an integration is a
// replicated row and its mutations.

import { Hono } from 'hono';
import { z } from 'zod';
import { ERRORS } from '../../shared/errors.ts';
import { PROVIDER_LABELS, provider as providerSchema, type Provider } from '../../shared/psa/providers.ts';
import type { Integration } from '../../shared/schema/psa-entities.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { PsaFailure } from '../psa/provider.ts';
import { errorResponse, statusOf } from '../http/errors.ts';
import { jsonBody } from '../http/json-body.ts';
import { updateIntegration, type PsaServices } from '../psa/psa-services.ts';

export const credentialsBody = z.object({ credentials: z.record(z.string(), z.unknown()) }).strict();

export function integrationRoutes(deps: { psa: PsaServices; now(): number }) {
	const { psa } = deps;

	async function test(orgId: string, provider: Provider): Promise<Integration['connection']> {
		const result = await psa.runner.testConnection(orgId, provider);
		const connection: Integration['connection'] = result.ok
			? { state: 'ok', message: result.value.summary, checkedAt: deps.now() }
			: { state: 'failed', message: result.message, checkedAt: deps.now() };
		await updateIntegration(psa, orgId, provider, (row) => ({ ...row, connection }));
		return connection;
	}

	return new Hono<AppEnv>()
		.use('/:provider/*', async (c, next) => {
			if (!providerSchema.safeParse(c.req.param('provider')).success) {
				return errorResponse(c, ERRORS.notFound.code, `No PSA called "${c.req.param('provider')}".`);
			}
			await next();
		})
		.put('/:provider/credentials', jsonBody(credentialsBody), async (c) => {
			const provider = c.req.param('provider') as Provider;
			const spec = psa.providers[provider];
			if (!spec) return errorResponse(c, ERRORS.notFound.code, `${PROVIDER_LABELS[provider]} is not available.`);
			const parsed = spec.credentials.safeParse(c.req.valid('json').credentials);
			if (!parsed.success) {
				const problems = describeFields(parsed.error, c.req.valid('json').credentials);
				const fields = Object.keys(problems);
				const list = Object.entries(problems).map(([field, why]) => `${field} (${why})`);
				const message = `These ${PROVIDER_LABELS[provider]} credentials are missing or invalid: ${list.join(', ')}.`;
				return c.json({ error: { code: ERRORS.invalidInput.code, message, fields } }, 400);
			}
			for (const [field, url] of Object.entries(spec.urlsOf(parsed.data))) {
				const verdict = await psa.outbound.check(url);
				if (verdict.ok) continue;
				const { code } = ERRORS.outboundUrlRefused;
				const error = { code, message: `${field}: ${verdict.message}`, fields: [field], rule: verdict.rule };
				return c.json({ error }, statusOf(code));
			}
			// Saved only once the PSA accepts them: credentials that do not work would only break every job.
			const { orgId } = c.get('principal');
			const tested = await psa.runner.testConnection(orgId, provider, { credentials: parsed.data });
			if (!tested.ok) {
				const { code } = ERRORS.credentialsNotVerified;
				return c.json({ error: { code, message: notVerified(PROVIDER_LABELS[provider], tested) } }, statusOf(code));
			}
			await psa.vault.save(orgId, provider, parsed.data, deps.now());
			const connection: Integration['connection'] = {
				state: 'ok',
				message: tested.value.summary,
				checkedAt: deps.now()
			};
			await updateIntegration(psa, orgId, provider, (row) => ({ ...row, configured: true, connection }));
			return c.json({ connection });
		})
		.post('/:provider/test', async (c) => {
			return c.json({ connection: await test(c.get('principal').orgId, c.req.param('provider') as Provider) });
		})
		.delete('/:provider/credentials', async (c) => {
			const provider = c.req.param('provider') as Provider;
			const { orgId } = c.get('principal');
			await psa.vault.remove(orgId, provider);
			await updateIntegration(psa, orgId, provider, (row) => ({
				...row,
				configured: false,
				connection: { state: 'untested', message: '', checkedAt: null }
			}));
			return c.json({ ok: true });
		});
}

/** The first problem of each wrong field, in words: `required`, `at most 2000 characters`. */
export function describeFields(error: z.ZodError, given: Record<string, unknown>): Record<string, string> {
	const problems: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '');
		if (!field || field in problems) continue;
		problems[field] =
			issue.code === 'invalid_type'
				? given[field] === undefined
					? 'required'
					: `must be a ${issue.expected}`
				: issue.message;
	}
	return problems;
}

/** Why the PSA's test failed, and that nothing was saved: its refusal, or that it could not be reached. */
function notVerified(label: string, failure: PsaFailure): string {
	return failure.kind === 'permanent'
		? `${label} refused these credentials, so they were not saved: ${failure.message}`
		: `${label} could not be reached to test these credentials, so they were not saved: ${failure.message}`;
}
