// Autotask ticket charges into Outpost's procurement queue (seeds): those created in the last 2
// hours, each with Autotask's own status label as it is now and its ticket's number and company,
// minus those to skip, kept with the reason (the products' "Does not require procurement" flags, and
// billing codes no category that needs procurement is mapped to). Charges imported earlier keep
// following their status past the window: one query for statuses changed since the watermark.

import { gte, inList } from '../client/filter.ts';
import { procurementBillingCodes, skipReason } from '../client/mapping/charge-import-rules.ts';
import { dateTimeToMillis } from '../client/mapping/money.ts';
import { inImportWindow, recentChargesFilter, ticketChargeFromAutotask } from '../client/mapping/ticket-charge.ts';
import type { PicklistValue } from '../client/wire-schemas.ts';
import {
	psaOk,
	type ChargeImport,
	type FollowedCharge,
	type ImportedCharge,
	type PsaResult,
	type SkippedImport,
	type SyncContext
} from '../../../psa/provider.ts';
import { toPsaFailure } from '../failure.ts';
import type { AutotaskRun } from './run.ts';

export async function importTicketCharges(
	ctx: SyncContext,
	run: AutotaskRun,
	since: number | null
): Promise<PsaResult<ChargeImport>> {
	const { client } = run;
	const now = ctx.now();
	const from = since ?? now;
	const charges = await client.queryAll('TicketCharges', { filter: recentChargesFilter(now) });
	if (!charges.ok) return toPsaFailure(charges);
	const changed = await client.queryAll('TicketCharges', {
		filter: [gte('statusLastModifiedDate', new Date(from).toISOString())]
	});
	if (!changed.ok) return toPsaFailure(changed);
	const empty: ChargeImport = { charges: [], skipped: [], followed: [], watermark: from };
	if (charges.value.length === 0 && changed.value.length === 0) return psaOk(empty);

	// Statuses mirror Autotask's labels as they are now, not as of the last Synchronize.
	const fields = await client.fields('TicketCharges');
	if (!fields.ok) return toPsaFailure(fields);
	const statuses: PicklistValue[] = fields.value.find((f) => f.name === 'status')?.picklistValues ?? [];

	let newest = from - 1;
	const followed: FollowedCharge[] = [];
	for (const record of changed.value) {
		const charge = ticketChargeFromAutotask(record, statuses);
		newest = Math.max(newest, dateTimeToMillis(record.statusLastModifiedDate) ?? newest);
		followed.push({ externalId: String(charge.externalId), status: charge.status ?? 'Unknown' });
	}
	const recent = await sortRecent(
		ctx,
		run,
		charges.value.map((c) => ticketChargeFromAutotask(c, statuses))
	);
	if (!recent.ok) return recent;
	// The next query starts just after the newest status change seen, so none is fetched twice.
	return psaOk({ ...recent.value, followed, watermark: newest + 1 });
}

type Recent = ReturnType<typeof ticketChargeFromAutotask>;

/** The window's charges, kept for procurement or skipped with why. */
async function sortRecent(
	ctx: SyncContext,
	run: AutotaskRun,
	all: Recent[]
): Promise<PsaResult<{ charges: ImportedCharge[]; skipped: SkippedImport[] }>> {
	const now = ctx.now();
	const inWindow = all.filter((c) => inImportWindow(c, now));
	if (inWindow.length === 0) return psaOk({ charges: [], skipped: [] });
	const { client } = run;

	const productIds = [...new Set(inWindow.flatMap((c) => (c.productExternalId ? [c.productExternalId] : [])))];
	const noProcurement = new Set<number>();
	if (productIds.length > 0) {
		const products = await client.queryAll('Products', { filter: [inList('id', productIds)] });
		if (!products.ok) return toPsaFailure(products);
		for (const p of products.value) if (p.doesNotRequireProcurement === true) noProcurement.add(p.id);
	}
	const ticketIds = [...new Set(inWindow.flatMap((c) => (c.ticketExternalId === null ? [] : [c.ticketExternalId])))];
	const tickets = new Map<number, { ticketNumber: string; companyID: number | null }>();
	if (ticketIds.length > 0) {
		const found = await client.queryAll('Tickets', { filter: [inList('id', ticketIds)] });
		if (!found.ok) return toPsaFailure(found);
		for (const t of found.value)
			tickets.set(t.id, { ticketNumber: t.ticketNumber ?? '', companyID: t.companyID ?? null });
	}
	const codes = procurementBillingCodes(
		await ctx.data.all('categories'),
		await ctx.data.all('products'),
		typeof ctx.settings.purchaseOrderBillingCodeId === 'string' ? ctx.settings.purchaseOrderBillingCodeId : null
	);
	const labels = new Map((ctx.lookups.billingCodes ?? []).map((c) => [c.value, c.label]));
	const codeLabel = (id: string) => labels.get(id) ?? `#${id}`;

	const charges: ImportedCharge[] = [];
	const skipped: SkippedImport[] = [];
	for (const charge of inWindow) {
		const productId = charge.productExternalId
			? await ctx.links.localOf('products', String(charge.productExternalId))
			: null;
		const ticket = charge.ticketExternalId === null ? undefined : tickets.get(charge.ticketExternalId);
		const ticketNumber =
			ticket?.ticketNumber || (charge.ticketExternalId === null ? '' : String(charge.ticketExternalId));
		const reason = skipReason(
			{
				billingCodeExternalId: charge.billingCodeExternalId,
				autotaskNoProcurement: charge.productExternalId !== null && noProcurement.has(charge.productExternalId),
				// Outpost's own "Does not require procurement" flag counts too (Admin > Products).
				outpostNoProcurement: productId !== null && (await ctx.data.get('products', productId))?.noProcurement === true
			},
			codes,
			codeLabel
		);
		const base = {
			externalId: String(charge.externalId),
			ticketNumber,
			name: charge.name,
			createdAt: charge.createdAt ?? now
		};
		if (reason) {
			skipped.push({ ...base, reason });
			continue;
		}
		charges.push({
			...base,
			companyId: ticket?.companyID ? await ctx.links.localOf('companies', String(ticket.companyID)) : null,
			productId,
			quantity: charge.quantity,
			unitCost: charge.unitCostCents,
			unitPrice: charge.unitPriceCents,
			status: charge.status ?? 'Unknown'
		});
	}
	return psaOk({ charges, skipped });
}
