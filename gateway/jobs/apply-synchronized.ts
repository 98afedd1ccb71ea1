// What Synchronize brings back, applied: the PSA's lookups stored on its integrations row, and its
// staff linked to users by the pure rules of user-linking.ts (a match verifies an MSP user's company
// link through the identity hook; ConnectWise members who match nobody become users).

import { defaultIntegration, type Integration } from '../../shared/schema/psa-entities.ts';
import { refreshedPaymentTerms } from '../../shared/schema/payment-term-entities.ts';
import { PROVIDER_LABELS } from '../../shared/psa/providers.ts';
import { verifyCompanyLinkFromPsa } from '../auth/company-link-hook.ts';
import type { PsaAdapter, Synchronized } from '../psa/provider.ts';
import { linkPeople } from './user-linking.ts';
import type { HandlerDeps } from './job-handlers.ts';

export async function applySynchronized(adapter: PsaAdapter, synced: Synchronized, deps: HandlerDeps): Promise<string> {
	const verify: string[] = [];
	const counts = await deps.write(deps.orgId, async (tx, trx) => {
		const integration: Integration = (await tx.get('integrations', deps.provider)) ?? defaultIntegration(deps.provider);
		await tx.put('integrations', { ...integration, lookups: { ...integration.lookups, ...synced.lookups } });
		// Quotes offer the PSA's payment terms, also offline; one it dropped stays, inactive, to be flagged.
		const terms = synced.lookups.paymentTerms;
		if (terms) {
			for (const row of refreshedPaymentTerms(await tx.all('paymentTerms'), deps.provider, terms)) {
				await tx.put('paymentTerms', row);
			}
		}
		const users = await tx.all('users');
		const msp = (await tx.all('companies')).find((c) => c.isMsp) ?? null;
		const decisions = linkPeople(deps.provider, users, synced.people, { createMissing: adapter.createsMissingUsers });
		const tally = { linked: 0, created: 0, skipped: 0, unmatched: 0 };
		for (const decision of decisions) {
			if (decision.action === 'keep' || decision.action === 'link') {
				const user = users.find((u) => u.id === decision.userId)!;
				if (user.externalIds[deps.provider] !== decision.person.externalId) {
					await tx.put('users', {
						...user,
						externalIds: { ...user.externalIds, [deps.provider]: decision.person.externalId }
					});
				}
				if (user.kind === 'msp' && msp && !(user.companyId === msp.id && user.companyVerified)) verify.push(user.id);
				tally.linked++;
			} else if (decision.action === 'create' && decision.person.email) {
				const id = `user-${deps.provider}-${decision.person.externalId}`.slice(0, 64);
				const email = decision.person.email.trim().toLowerCase();
				const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
				if (taken) {
					tally.unmatched++;
					continue;
				}
				const name = `${decision.person.firstName} ${decision.person.lastName}`.trim() || email;
				await trx
					.insertInto('users')
					.values({
						id,
						org_id: deps.orgId,
						email,
						password_hash: null,
						email_verified: 1,
						acl_version: 1,
						created_at: deps.now
					})
					.execute();
				await tx.put('users', {
					id,
					email,
					name,
					isAdmin: false,
					kind: 'msp',
					roleIds: [],
					companyId: msp?.id ?? null,
					companyVerified: msp !== null,
					loginDisabled: false,
					loginMethods: ['password', 'google', 'microsoft'],
					externalIds: { [deps.provider]: decision.person.externalId },
					invitedAt: null,
					createdAt: deps.now
				});
				tally.created++;
			} else if (decision.action === 'skip') {
				tally.skipped++;
			} else {
				tally.unmatched++;
			}
		}
		return { ...tally, mspId: msp?.id ?? null };
	});
	// The identity issue's hook: a matched MSP user's company link is verified automatically.
	const mspId = counts.mspId;
	if (mspId) for (const userId of verify) await verifyCompanyLinkFromPsa(deps.store, deps.orgId, userId, mspId);
	const lookups = Object.entries(synced.lookups)
		.map(([name, values]) => `${values.length} ${name}`)
		.join(', ');
	return `${PROVIDER_LABELS[deps.provider]}: ${lookups || 'no lookups'}; users ${counts.linked} linked, ${counts.created} created, ${counts.skipped} skipped, ${counts.unmatched} unmatched.`;
}

/** Nothing to save writes nothing: no new space version, no poke to every device. */
