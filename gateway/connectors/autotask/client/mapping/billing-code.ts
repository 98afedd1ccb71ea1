// Which Autotask billing codes Outpost offers for category mapping, purchase orders and ticket charges
// (psa-apis.md §1.3: charges need a Material Cost Code; the type is read by label, §1.7). Pure.

import type { AutotaskBillingCode } from '../entity-schemas.ts';
import { labelOf } from '../picklist.ts';
import type { PicklistValue } from '../wire-schemas.ts';

export const MATERIAL_COST_CODE_LABEL = 'Material Cost Code';

export type BillingCodeOption = { externalId: number; name: string; type: string | null; isActive: boolean };

export function billingCodeOptions(codes: AutotaskBillingCode[], typePicklist: PicklistValue[]): BillingCodeOption[] {
	return codes
		.map((code) => ({
			externalId: code.id,
			name: code.name ?? `Billing code ${code.id}`,
			type: labelOf(typePicklist, code.billingCodeType),
			isActive: code.isActive !== false
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The active Material Cost Codes: what a ticket charge or purchase order may use. */
export function materialCostCodes(options: BillingCodeOption[]): BillingCodeOption[] {
	return options.filter((o) => o.isActive && o.type?.toLowerCase() === MATERIAL_COST_CODE_LABEL.toLowerCase());
}
