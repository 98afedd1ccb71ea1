// Autotask ticket charges into Outpost's procurement queue (seeds): those created in the last 2
// hours, minus products that do not require procurement (Autotask's flag or Outpost's), each with
// Autotask's own status label as it is now and its ticket's number and company.

import { inList } from '../client/filter.ts';
import { recentChargesFilter, shouldImportCharge, ticketChargeFromAutotask } from '../client/mapping/ticket-charge.ts';
import { psaOk, type ImportedCharge, type PsaResult, type SyncContext } from '../../../psa/provider.ts';
import { toPsaFailure } from '../failure.ts';
import type { AutotaskRun } from './run.ts';

export async function importTicketCharges(
	ctx: SyncContext,
	run: AutotaskRun
): Promise<PsaResult<{ charges: ImportedCharge[]; skipped: number }>> {
	const { client } = run;
	const now = ctx.now();
	const charges = await client.queryAll('TicketCharges', { filter: recentChargesFilter(now) });
	if (!charges.ok) return toPsaFailure(charges);
	if (charges.value.length === 0) return psaOk({ charges: [], skipped: 0 });
	// Statuses mirror Autotask's labels as they are now, not as of the last Synchronize.
	const fields = await client.fields('TicketCharges');
	if (!fields.ok) return toPsaFailure(fields);
	const statuses = fields.value.find((f) => f.name === 'status')?.picklistValues ?? [];

	const productIds = [...new Set(charges.value.flatMap((c) => (c.productID ? [c.productID] : [])))];
	const noProcurement = new Set<number>();
	if (productIds.length > 0) {
		const products = await client.queryAll('Products', { filter: [inList('id', productIds)] });
		if (!products.ok) return toPsaFailure(products);
		for (const p of products.value) if (p.doesNotRequireProcurement === true) noProcurement.add(p.id);
	}
	const imported = charges.value.map((c) => ticketChargeFromAutotask(c, statuses));
	const kept = imported.filter((c) => shouldImportCharge(c, now, noProcurement));

	const ticketIds = [...new Set(kept.flatMap((c) => (c.ticketExternalId === null ? [] : [c.ticketExternalId])))];
	const tickets = new Map<number, { ticketNumber: string; companyID: number | null }>();
	if (ticketIds.length > 0) {
		const found = await client.queryAll('Tickets', { filter: [inList('id', ticketIds)] });
		if (!found.ok) return toPsaFailure(found);
		for (const t of found.value)
			tickets.set(t.id, { ticketNumber: t.ticketNumber ?? '', companyID: t.companyID ?? null });
	}

	const out: ImportedCharge[] = [];
	for (const charge of kept) {
		const productId = charge.productExternalId
			? await ctx.links.localOf('products', String(charge.productExternalId))
			: null;
		// Outpost's own "Does not require procurement" flag counts too (Admin > Products).
		if (productId && (await ctx.data.get('products', productId))?.noProcurement) continue;
		const ticket = charge.ticketExternalId === null ? undefined : tickets.get(charge.ticketExternalId);
		out.push({
			externalId: String(charge.externalId),
			ticketNumber: ticket?.ticketNumber || (charge.ticketExternalId === null ? '' : String(charge.ticketExternalId)),
			companyId: ticket?.companyID ? await ctx.links.localOf('companies', String(ticket.companyID)) : null,
			productId,
			name: charge.name,
			quantity: charge.quantity,
			unitCost: charge.unitCostCents,
			unitPrice: charge.unitPriceCents,
			status: charge.status ?? 'Unknown',
			createdAt: charge.createdAt ?? now
		});
	}
	return psaOk({ charges: out, skipped: imported.length - out.length });
}
