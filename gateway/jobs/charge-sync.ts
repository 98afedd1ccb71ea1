// The charge sync of one quote (job kind syncQuoteCharges): every Pending or Error charge is created on
// its PSA ticket, every charge cancelled in Outpost but live in the PSA is cancelled there. Each outcome
// is written as soon as the PSA answered, so a run that dies resumes past it; the adapter's marker
// lookup covers the one request whose answer was lost. Tickets for the picker come with Synchronize.

import { ERRORS } from '../../shared/errors.ts';
import type { Provider } from '../../shared/psa/providers.ts';
import { workFor } from '../../shared/quotes/charge-rules.ts';
import { issueId } from '../../shared/schema/psa-entities.ts';
import type { QuoteCharge, Ticket } from '../../shared/schema/quote-charge-entities.ts';
import type { PsaAdapter, PsaFailure, PsaResult, SyncContext } from '../psa/provider.ts';

type ChargeOutcome = { ok: true; summary: string } | PsaFailure;

/** Charges a run re-reads at most this often: a cancel pushed while it ran is carried out before it ends. */
const MAX_PASSES = 3;

export async function syncQuoteCharges(
	adapter: PsaAdapter,
	ctx: SyncContext,
	provider: Provider,
	quoteId: string
): Promise<ChargeOutcome> {
	const issue = issueId(provider, 'syncQuoteCharges', quoteId);
	const failures: PsaFailure[] = [];
	let [created, cancelled] = [0, 0];
	const failedIds = new Set<string>();
	for (let pass = 0; pass < MAX_PASSES; pass++) {
		const charges = (await ctx.data.byIndex('quoteCharges', 'quoteId', quoteId)).filter(
			(charge) => workFor(charge) !== null && !failedIds.has(charge.id)
		);
		if (charges.length === 0) break;
		const quote = await ctx.data.get('quotes', quoteId);
		for (const charge of charges) {
			const result = await syncOne(adapter, ctx, charge, quote?.number ?? null);
			if (!result.ok && result.kind !== 'permanent') return result;
			if (!result.ok) {
				failures.push(result);
				failedIds.add(charge.id);
				await record(ctx, charge.id, (current) => ({
					error: result.message,
					issueId: issue,
					...failedStatus(current)
				}));
				continue;
			}
			if (result.value.kind === 'created') created++;
			else cancelled++;
			await record(ctx, charge.id, (current) => settled(current, result.value));
		}
	}
	if (failures.length > 0) {
		const [first] = failures;
		return {
			...first!,
			message: failures.length > 1 ? `${first!.message} (${failures.length} charges)` : first!.message
		};
	}
	return { ok: true, summary: `${created} charges created, ${cancelled} cancelled.` };
}

type Synced = { kind: 'created'; externalId: string } | { kind: 'cancelled'; externalId: string | null };

async function syncOne(
	adapter: PsaAdapter,
	ctx: SyncContext,
	charge: QuoteCharge,
	quoteNumber: string | null
): Promise<PsaResult<Synced>> {
	const unsupported: PsaFailure = { ok: false, kind: 'permanent', message: ERRORS.ticketChargesNotSupported.message };
	if (!adapter.ticketCharges) return unsupported;
	const ticket = await ctx.data.get('tickets', charge.ticketId);
	if (!ticket) return { ok: false, kind: 'permanent', message: ERRORS.ticketNotFound.message };
	if (workFor(charge) === 'cancel') {
		const done = await adapter.ticketCharges.cancel(ctx, {
			charge,
			ticketExternalId: ticket.externalId,
			externalId: charge.externalId
		});
		return done.ok ? { ok: true, value: { kind: 'cancelled', externalId: done.value.externalId } } : done;
	}
	const billingCodeId = charge.billingCodeId ?? fallbackBillingCode(ctx, charge);
	if (billingCodeId === null) {
		return {
			ok: false,
			kind: 'permanent',
			message: ERRORS.billingCodeInvalid.message,
			...(charge.categoryId ? { rootCause: { kind: 'categoryBillingCode', categoryId: charge.categoryId } } : {})
		};
	}
	const productExternalId = charge.productId ? await ctx.links.get('products', charge.productId) : null;
	const done = await adapter.ticketCharges.create(ctx, {
		charge,
		ticketExternalId: ticket.externalId,
		productExternalId,
		billingCodeId,
		quoteNumber
	});
	return done.ok ? { ok: true, value: { kind: 'created', externalId: done.value.externalId } } : done;
}

/**
 * A line without a category (labour, a one-off) is charged with the integration's Purchase Order billing
 * code (seed: billing codes "are also used for ticket charges and purchase orders").
 */
function fallbackBillingCode(ctx: SyncContext, charge: QuoteCharge): string | null {
	if (charge.categoryId !== null) return null;
	const code = ctx.settings.purchaseOrderBillingCodeId;
	return typeof code === 'string' && code !== '' ? code : null;
}

function failedStatus(current: QuoteCharge): Partial<QuoteCharge> {
	// A failed cancel stays Cancelled with its PSA work pending; a failed create is an Error.
	return current.status === 'cancelled' ? {} : { status: 'error' };
}

/** The row after the PSA did the work, merged with what changed meanwhile (a cancel pushed during the create). */
function settled(current: QuoteCharge, done: Synced): Partial<QuoteCharge> {
	if (done.kind === 'cancelled') return { psaCancelPending: false, error: null, issueId: null };
	if (current.status === 'cancelled') return { externalId: done.externalId, psaCancelPending: true, error: null };
	return { status: 'synced', externalId: done.externalId, error: null, issueId: null };
}

async function record(
	ctx: SyncContext,
	id: string,
	change: (current: QuoteCharge) => Partial<QuoteCharge>
): Promise<void> {
	await ctx.write(async (tx) => {
		const current = await tx.get('quoteCharges', id);
		if (!current) return;
		await tx.put('quoteCharges', { ...current, ...change(current), updatedAt: ctx.now() });
	});
}

/**
 * Synchronize's tickets, for the picker: those of companies Outpost knows. None is removed: a charge
 * may still need its ticket to be cancelled there.
 */
export async function refreshTickets(
	adapter: PsaAdapter,
	ctx: SyncContext,
	provider: Provider
): Promise<PsaResult<number>> {
	if (!adapter.ticketCharges) return { ok: true, value: 0 };
	const listed = await adapter.ticketCharges.listTickets(ctx);
	if (!listed.ok) return listed;
	const rows: Ticket[] = [];
	const byName = companiesByName(await ctx.data.all('companies'));
	for (const ticket of listed.value) {
		let companyId = await ctx.links.localOf('companies', ticket.companyExternalId);
		const named = byName.get(ticket.companyName.trim().toLowerCase());
		if (!companyId && named && !(await ctx.links.get('companies', named))) {
			// The company a quote sync would find by its name: linked now, so its tickets can be picked.
			await ctx.links.set('companies', named, ticket.companyExternalId);
			companyId = named;
		}
		if (!companyId) continue;
		rows.push({
			id: `${provider}-ticket-${ticket.externalId}`.slice(0, 64),
			provider,
			externalId: ticket.externalId,
			number: ticket.number.slice(0, 64),
			title: ticket.title.slice(0, 300),
			companyId,
			status: ticket.status.slice(0, 100)
		});
	}
	await ctx.write(async (tx) => {
		for (const row of rows) {
			const old = await tx.get('tickets', row.id);
			if (!old || JSON.stringify(old) !== JSON.stringify(row)) await tx.put('tickets', row);
		}
	});
	return { ok: true, value: rows.length };
}

/** Outpost's customer companies by their name, only where the name is unique (never the MSP itself). */
function companiesByName(companies: { id: string; name: string; isMsp: boolean }[]): Map<string, string> {
	const byName = new Map<string, string | null>();
	for (const company of companies) {
		if (company.isMsp) continue;
		const key = company.name.trim().toLowerCase();
		byName.set(key, byName.has(key) ? null : company.id);
	}
	return new Map([...byName].flatMap(([name, id]) => (id === null ? [] : [[name, id] as [string, string]])));
}
