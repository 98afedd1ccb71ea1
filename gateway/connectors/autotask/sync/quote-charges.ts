// Quote charges as Autotask TicketCharges (psa-apis.md §1.3, §1.5): created on their ticket with the
// category's Material Cost Code, cancelled by moving them to the tenant's Cancelled status (Autotask
// allows that, like a delete, only while isBilled is false, and the record stays for the billing
// history). Exactly once: the charge's description carries its Outpost id as a marker, and a resumed
// run looks for it before creating or cancelling.

import { and, eq, inList, type FilterCondition } from '../client/filter.ts';
import { centsToAmount } from '../client/mapping/money.ts';
import { defaultValue, valueOf } from '../client/picklist.ts';
import type { PicklistValue } from '../client/wire-schemas.ts';
import {
	psaOk,
	type ChargeToCancel,
	type ChargeToCreate,
	type PsaResult,
	type PsaTicket,
	type SyncContext
} from '../../../psa/provider.ts';
import { AUTOTASK_SYNC_MESSAGES, isBillingCodeFailure, permanent, toPsaFailure } from '../failure.ts';
import type { AutotaskRun } from './run.ts';

/** The marker a charge's description ends with: its Outpost id. */
export const chargeMarker = (chargeId: string) => `[outpost:${chargeId}]`;

/** "Q-01001 · Laptop model 1 [outpost:qc1-line-1]": what a person reads in Autotask, then the marker. */
export function chargeDescription(input: Pick<ChargeToCreate, 'charge' | 'quoteNumber'>): string {
	const what = input.quoteNumber ? `${input.quoteNumber} · ${input.charge.name}` : input.charge.name;
	const marker = chargeMarker(input.charge.id);
	return `${what.slice(0, 1_000 - marker.length - 1)} ${marker}`;
}

const CANCELLED = /^cancel+ed$/i;

export function cancelledStatus(statuses: PicklistValue[]): number | null {
	const found = statuses.find((s) => CANCELLED.test(s.label.trim()));
	return found ? Number(found.value) : null;
}

/** "Operational" where the tenant has it (§1.5: the value map is unverified), else its default or first. */
export function operationalChargeType(types: PicklistValue[]): number | null {
	return valueOf(types, 'Operational') ?? defaultValue(types) ?? (types[0] ? Number(types[0].value) : null);
}

const numericId = (value: string): number | null => (/^\d{1,15}$/.test(value) ? Number(value) : null);

/** The charge this Outpost charge became, found by its marker on its ticket; null when there is none. */
async function findByMarker(run: AutotaskRun, ticketId: number, chargeId: string): Promise<PsaResult<number | null>> {
	const filter: FilterCondition[] = [
		and(eq('ticketID', ticketId), { op: 'contains', field: 'description', value: chargeMarker(chargeId) })
	];
	const found = await run.client.queryAll('TicketCharges', { filter, maxRecords: 1 }, { maxPages: 1 });
	if (!found.ok) return toPsaFailure(found);
	return psaOk(found.value[0]?.id ?? null);
}

export async function createTicketCharge(
	ctx: SyncContext,
	run: AutotaskRun,
	input: ChargeToCreate
): Promise<PsaResult<{ externalId: string }>> {
	const ticketId = numericId(input.ticketExternalId);
	const billingCodeId = numericId(input.billingCodeId);
	if (ticketId === null) return permanent(`Ticket ${input.ticketExternalId} is not an Autotask ticket.`);
	if (billingCodeId === null) return billingCodeFailure(input);
	if (ctx.resumed) {
		const found = await findByMarker(run, ticketId, input.charge.id);
		if (!found.ok) return found;
		if (found.value !== null) return psaOk({ externalId: String(found.value) });
	}
	const types = await run.picklist('ticketChargeTypes');
	if (!types.ok) return types;
	const chargeType = operationalChargeType(types.value);
	if (chargeType === null) return permanent('Autotask has no ticket charge type.');
	const productID = input.productExternalId === null ? null : numericId(input.productExternalId);
	const created = await run.client.create('TicketCharges', {
		ticketID: ticketId,
		name: input.charge.name.slice(0, 100),
		description: chargeDescription(input),
		billingCodeID: billingCodeId,
		...(productID === null ? {} : { productID }),
		chargeType,
		unitQuantity: input.charge.quantity,
		unitCost: centsToAmount(input.charge.unitCost),
		unitPrice: centsToAmount(input.charge.unitPrice),
		datePurchased: new Date(ctx.now()).toISOString(),
		isBillableToCompany: true
	});
	if (!created.ok) return isBillingCodeFailure(created) ? billingCodeFailure(input) : toPsaFailure(created);
	return psaOk({ externalId: String(created.value) });
}

function billingCodeFailure(input: ChargeToCreate) {
	const failure = permanent(AUTOTASK_SYNC_MESSAGES.billingCodeInvalid);
	return input.charge.categoryId
		? { ...failure, rootCause: { kind: 'categoryBillingCode' as const, categoryId: input.charge.categoryId } }
		: failure;
}

export async function cancelTicketCharge(
	ctx: SyncContext,
	run: AutotaskRun,
	input: ChargeToCancel
): Promise<PsaResult<{ externalId: string | null }>> {
	const ticketId = numericId(input.ticketExternalId);
	if (ticketId === null) return permanent(`Ticket ${input.ticketExternalId} is not an Autotask ticket.`);
	let id = input.externalId === null ? null : numericId(input.externalId);
	if (id === null) {
		// The create's answer was lost (an Error after a reset): the marker tells whether Autotask has it.
		const found = await findByMarker(run, ticketId, input.charge.id);
		if (!found.ok) return found;
		if (found.value === null) return psaOk({ externalId: null });
		id = found.value;
	}
	const statuses = await run.picklist('ticketChargeStatuses');
	if (!statuses.ok) return statuses;
	const status = cancelledStatus(statuses.value);
	if (status === null) return permanent('Autotask has no Cancelled ticket charge status.');
	const updated = await run.client.update('TicketCharges', { id, ticketID: ticketId, status });
	if (!updated.ok) return toPsaFailure(updated);
	return psaOk({ externalId: String(id) });
}

/** At most this many pages of tickets (500 each) per Synchronize. */
const TICKET_PAGES = 4;

export async function listTickets(run: AutotaskRun): Promise<PsaResult<PsaTicket[]>> {
	const tickets = await run.client.queryAll(
		'Tickets',
		{ filter: [{ op: 'exist', field: 'companyID' }] },
		{ maxPages: TICKET_PAGES }
	);
	if (!tickets.ok) return toPsaFailure(tickets);
	const companyIds = [...new Set(tickets.value.flatMap((t) => (t.companyID ? [t.companyID] : [])))];
	const names = new Map<number, string>();
	if (companyIds.length > 0) {
		const companies = await run.client.queryAll('Companies', { filter: [inList('id', companyIds)] });
		if (!companies.ok) return toPsaFailure(companies);
		for (const company of companies.value) names.set(company.id, company.companyName ?? '');
	}
	const statuses = await run.client.fields('Tickets');
	const labels = statuses.ok ? (statuses.value.find((f) => f.name === 'status')?.picklistValues ?? []) : [];
	return psaOk(
		tickets.value.flatMap((t) =>
			t.companyID
				? [
						{
							externalId: String(t.id),
							number: t.ticketNumber ?? String(t.id),
							title: t.title ?? '',
							companyExternalId: String(t.companyID),
							companyName: names.get(t.companyID) ?? '',
							status: labels.find((l) => l.value === String(t.status))?.label ?? ''
						}
					]
				: []
		)
	);
}
