// What each kind of job does with its adapter's answer: the writes that replicate (lookups, linked
// users, imported charges, polled opportunities) and the summary the admin screen shows.

import { defaultIntegration, type Integration, type JobKind } from '../../shared/schema/psa-entities.ts';
import { PROVIDER_LABELS, type Provider } from '../../shared/psa/providers.ts';
import { verifyCompanyLinkFromPsa } from '../auth/company-link-hook.ts';
import type {
	ChangedOpportunity,
	ImportedCharge,
	PsaAdapter,
	PsaResult,
	Synchronized,
	SyncContext
} from '../psa/provider.ts';
import { linkPeople } from '../psa/user-linking.ts';
import type { Store } from '../store/store.ts';
import type { ReplicatedWriter } from './replicated-write.ts';

export type HandlerDeps = { store: Store; write: ReplicatedWriter; orgId: string; provider: Provider; now: number };
export type Handled = PsaResult<{ warnings: string[]; summary: string | null }>;

const done = (summary: string | null = null, warnings: string[] = []): Handled => ({
	ok: true,
	value: { warnings, summary }
});

export async function runHandler(
	kind: JobKind,
	adapter: PsaAdapter,
	ctx: SyncContext,
	entityId: string,
	deps: HandlerDeps
): Promise<Handled> {
	switch (kind) {
		case 'syncQuote': {
			const result = await adapter.syncQuote(ctx, entityId);
			if (!result.ok) return result;
			await recordOpportunity(ctx, entityId, deps);
			return done(null, result.value.warnings);
		}
		case 'syncCompany': {
			const result = await adapter.syncCompany(ctx, entityId);
			return result.ok ? done() : result;
		}
		case 'synchronize': {
			const result = await adapter.synchronize(ctx);
			return result.ok ? done(await applySynchronized(adapter, result.value, deps)) : result;
		}
		case 'importTicketCharges': {
			if (!adapter.importTicketCharges) return done('Not supported by this PSA.');
			// A job queued before an admin turned the toggle off imports nothing.
			if (ctx.settings.importTicketCharges !== true) return done('Ticket charge import is off.');
			const result = await adapter.importTicketCharges(ctx);
			if (!result.ok) return result;
			await saveCharges(deps, result.value.charges);
			return done(`${result.value.charges.length} charges imported, ${result.value.skipped} skipped.`);
		}
		case 'pollOpportunities': {
			if (!adapter.pollOpportunities) return done('Not supported by this PSA.');
			if (ctx.settings.pollOpportunities !== true) return done('Opportunity polling is off.');
			const since = await readCursor(deps, 'opportunities.lastActivity');
			const result = await adapter.pollOpportunities(ctx, since === null ? null : Number(since));
			if (!result.ok) return result;
			await saveOpportunities(deps, result.value.changed);
			await writeCursor(deps, 'opportunities.lastActivity', String(result.value.watermark));
			return done(`${result.value.changed.length} opportunities changed.`);
		}
	}
}

/**
 * The opportunity a quote became, so the quote page can say so at once; its status and stage are the
 * PSA's labels, filled in by the opportunity poll.
 */
async function recordOpportunity(ctx: SyncContext, quoteId: string, deps: HandlerDeps): Promise<void> {
	const externalId = await ctx.links.get('opportunities', quoteId);
	if (!externalId) return;
	const id = `${deps.provider}-opportunity-${externalId}`;
	if (await ctx.data.get('opportunities', id)) return;
	await deps.write(deps.orgId, async (tx) => {
		const quote = await tx.get('quotes', quoteId);
		await tx.put('opportunities', {
			id,
			provider: deps.provider,
			externalId,
			quoteId,
			companyId: quote?.companyId ?? null,
			title: quote?.title ?? '',
			status: '',
			stage: '',
			amount: 0,
			lastActivityAt: deps.now
		});
	});
}

async function applySynchronized(adapter: PsaAdapter, synced: Synchronized, deps: HandlerDeps): Promise<string> {
	const verify: string[] = [];
	const counts = await deps.write(deps.orgId, async (tx, trx) => {
		const integration: Integration = (await tx.get('integrations', deps.provider)) ?? defaultIntegration(deps.provider);
		await tx.put('integrations', { ...integration, lookups: { ...integration.lookups, ...synced.lookups } });
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
async function saveCharges(deps: HandlerDeps, charges: ImportedCharge[]) {
	if (charges.length === 0) return;
	await deps.write(deps.orgId, async (tx) => {
		for (const charge of charges) {
			const id = `${deps.provider}-charge-${charge.externalId}`;
			const existing = await tx.get('ticketCharges', id);
			await tx.put('ticketCharges', {
				...charge,
				id,
				provider: deps.provider,
				importedAt: existing?.importedAt ?? deps.now
			});
		}
	});
}

async function saveOpportunities(deps: HandlerDeps, changed: ChangedOpportunity[]) {
	if (changed.length === 0) return;
	await deps.write(deps.orgId, async (tx) => {
		for (const opportunity of changed) {
			const id = `${deps.provider}-opportunity-${opportunity.externalId}`;
			await tx.put('opportunities', { ...opportunity, id, provider: deps.provider });
		}
	});
}

async function readCursor(deps: HandlerDeps, name: string): Promise<string | null> {
	const row = await deps.store.db
		.selectFrom('psa_cursors')
		.select('value')
		.where('org_id', '=', deps.orgId)
		.where('provider', '=', deps.provider)
		.where('name', '=', name)
		.executeTakeFirst();
	return row?.value ?? null;
}

async function writeCursor(deps: HandlerDeps, name: string, value: string): Promise<void> {
	await deps.store.db
		.insertInto('psa_cursors')
		.values({ org_id: deps.orgId, provider: deps.provider, name, value })
		.onConflict((oc) => oc.columns(['org_id', 'provider', 'name']).doUpdateSet({ value }))
		.execute();
}
