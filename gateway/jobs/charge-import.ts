// The ticket-charge import's writes (job 'importTicketCharges'): charges for procurement upserted,
// those skipped listed with their reason for buyers (and dropped from that list once imported), the
// status of charges imported earlier followed, and the watermark the next status query starts at.

import type { ChargeImport, PsaAdapter, SyncContext } from '../psa/provider.ts';
import type { Handled, HandlerDeps } from './job-handlers.ts';

export const STATUS_WATERMARK = 'ticketCharges.statusChanged';
const SKIPPED_KEPT_MS = 7 * 24 * 60 * 60_000;

const done = (summary: string): Handled => ({ ok: true, value: { warnings: [], summary } });

export async function runChargeImport(adapter: PsaAdapter, ctx: SyncContext, deps: HandlerDeps): Promise<Handled> {
	if (!adapter.importTicketCharges) return done('Not supported by this PSA.');
	// A job queued before an admin turned the toggle off imports nothing.
	if (ctx.settings.importTicketCharges !== true) return done('Ticket charge import is off.');
	const since = await readCursor(deps);
	const result = await adapter.importTicketCharges(ctx, since === null ? null : Number(since));
	if (!result.ok) return result;
	const followed = await save(deps, result.value);
	await writeCursor(deps, String(result.value.watermark));
	const { charges, skipped } = result.value;
	return done(`${charges.length} charges imported, ${skipped.length} skipped, ${followed} statuses followed.`);
}

const chargeId = (deps: HandlerDeps, externalId: string) => `${deps.provider}-charge-${externalId}`.slice(0, 64);

/** Answers how many charges imported earlier changed status. */
async function save(deps: HandlerDeps, found: ChargeImport): Promise<number> {
	if (found.charges.length + found.skipped.length + found.followed.length === 0) return 0;
	return deps.write(deps.orgId, async (tx) => {
		const fresh = new Set<string>();
		for (const charge of found.charges) {
			const id = chargeId(deps, charge.externalId);
			fresh.add(id);
			const existing = await tx.get('ticketCharges', id);
			await tx.put('ticketCharges', {
				...charge,
				id,
				provider: deps.provider,
				importedAt: existing?.importedAt ?? deps.now
			});
			if (await tx.get('skippedCharges', id)) await tx.delete('skippedCharges', id);
		}
		for (const charge of found.skipped) {
			const id = chargeId(deps, charge.externalId);
			const existing = await tx.get('skippedCharges', id);
			if (existing?.reason === charge.reason && existing.name === charge.name) continue;
			await tx.put('skippedCharges', {
				...charge,
				id,
				provider: deps.provider,
				skippedAt: existing?.skippedAt ?? deps.now
			});
		}
		// The list is about recent imports: a week on, a skipped charge is history.
		for (const old of await tx.all('skippedCharges')) {
			if (old.provider === deps.provider && old.createdAt < deps.now - SKIPPED_KEPT_MS)
				await tx.delete('skippedCharges', old.id);
		}
		let followed = 0;
		for (const { externalId, status } of found.followed) {
			const id = chargeId(deps, externalId);
			if (fresh.has(id)) continue;
			const existing = await tx.get('ticketCharges', id);
			if (!existing || existing.status === status) continue;
			await tx.put('ticketCharges', { ...existing, status: status.slice(0, 100) });
			followed++;
		}
		return followed;
	});
}

async function readCursor(deps: HandlerDeps): Promise<string | null> {
	const row = await deps.store.db
		.selectFrom('psa_cursors')
		.select('value')
		.where('org_id', '=', deps.orgId)
		.where('provider', '=', deps.provider)
		.where('name', '=', STATUS_WATERMARK)
		.executeTakeFirst();
	return row?.value ?? null;
}

async function writeCursor(deps: HandlerDeps, value: string): Promise<void> {
	await deps.store.db
		.insertInto('psa_cursors')
		.values({ org_id: deps.orgId, provider: deps.provider, name: STATUS_WATERMARK, value })
		.onConflict((oc) => oc.columns(['org_id', 'provider', 'name']).doUpdateSet({ value }))
		.execute();
}
