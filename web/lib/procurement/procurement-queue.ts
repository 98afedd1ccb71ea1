// The procurement queue: imported ticket charges newest first, with the names of what they link to,
// and the status filter built from the PSA's own labels found in the data (never a fixed list).

import type { TicketCharge } from '../../../shared/schema/psa-entities.ts';

export type QueueRow = TicketCharge & {
	/** null when no product is linked; undefined when it is linked but not on this device. */
	productName: string | null | undefined;
	companyName: string | null;
};

export type StatusOption = { label: string; count: number };

type Named = { id: string; name: string };

export function queueRows(
	charges: readonly TicketCharge[],
	products: readonly Named[],
	companies: readonly Named[]
): QueueRow[] {
	const productNames = new Map(products.map((p) => [p.id, p.name]));
	const companyNames = new Map(companies.map((c) => [c.id, c.name]));
	return [...charges].sort(newestFirst).map((charge) => ({
		...charge,
		productName: charge.productId === null ? null : productNames.get(charge.productId),
		companyName: charge.companyId === null ? null : (companyNames.get(charge.companyId) ?? null)
	}));
}

function newestFirst(a: TicketCharge, b: TicketCharge): number {
	return b.createdAt - a.createdAt || b.importedAt - a.importedAt || a.id.localeCompare(b.id);
}

/** Each status label present, as the PSA spells it, with how many charges carry it. */
export function statusOptions(charges: readonly TicketCharge[]): StatusOption[] {
	const counts = new Map<string, number>();
	for (const charge of charges) counts.set(charge.status, (counts.get(charge.status) ?? 0) + 1);
	return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => a.label.localeCompare(b.label));
}

/** The chosen status while some charge still carries it; '' (every status) once none does. */
export function effectiveStatus(chosen: string, options: readonly StatusOption[]): string {
	return options.some((o) => o.label === chosen) ? chosen : '';
}

export function filterByStatus<T extends TicketCharge>(rows: readonly T[], status: string): T[] {
	return status === '' ? [...rows] : rows.filter((r) => r.status === status);
}

export function queueSummary(shown: number, total: number, status: string): string {
	const charges = (n: number) => `${n} ticket charge${n === 1 ? '' : 's'}`;
	return status === '' ? charges(total) : `${shown} of ${charges(total)} with status “${status}”`;
}
