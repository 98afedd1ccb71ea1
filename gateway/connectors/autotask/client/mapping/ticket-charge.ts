// Autotask ticket charges → Outpost procurement rows (seeds: import charges created in the last 2
// hours, skip products marked "Does not require procurement", mirror Autotask's status labels). Pure.

import type { AutotaskTicketCharge } from '../entity-schemas.ts';
import { gte, type FilterCondition } from '../filter.ts';
import { labelOf } from '../picklist.ts';
import type { PicklistValue } from '../wire-schemas.ts';
import { amountToCents, dateTimeToMillis } from './money.ts';

export const IMPORT_WINDOW_MS = 2 * 60 * 60 * 1000;

/** The query filter for charges created within the import window before `now`. */
export function recentChargesFilter(now: number): FilterCondition[] {
	return [gte('createDate', new Date(now - IMPORT_WINDOW_MS).toISOString())];
}

export type ImportedTicketCharge = {
	externalId: number;
	ticketExternalId: number | null;
	productExternalId: number | null;
	billingCodeExternalId: number | null;
	name: string;
	quantity: number;
	unitPriceCents: number;
	unitCostCents: number;
	/** The tenant's own label ("Approved/Posted"); never a hard-coded one. */
	status: string | null;
	createdAt: number | null;
	isBilled: boolean;
};

export function ticketChargeFromAutotask(
	record: AutotaskTicketCharge,
	statuses: PicklistValue[]
): ImportedTicketCharge {
	return {
		externalId: record.id,
		ticketExternalId: record.ticketID ?? null,
		productExternalId: record.productID ?? null,
		billingCodeExternalId: record.billingCodeID ?? null,
		name: record.name ?? '',
		quantity: record.unitQuantity ?? 0,
		unitPriceCents: amountToCents(record.unitPrice),
		unitCostCents: amountToCents(record.unitCost),
		status: labelOf(statuses, record.status),
		createdAt: dateTimeToMillis(record.createDate),
		isBilled: record.isBilled === true
	};
}

/** Whether a charge was created inside the import window before `now`. */
export function inImportWindow(charge: ImportedTicketCharge, now: number): boolean {
	return charge.createdAt !== null && charge.createdAt >= now - IMPORT_WINDOW_MS;
}
