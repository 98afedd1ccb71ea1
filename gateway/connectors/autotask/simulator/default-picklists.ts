// The picklists a fresh simulated tenant starts with. Picklists are per-tenant data in Autotask
// (psa-apis.md §1.7): the product reads them from entityInformation/fields and never hard-codes them.

export type SimPicklistValue = {
	value: string;
	label: string;
	isActive: boolean;
	isDefaultValue: boolean;
	sortOrder: number;
	isSystem: boolean;
	parentValue: string | null;
};

/** `[[1, 'New'], [2, 'Waiting Approval']]` in display order. */
function picklist(entries: [number, string][], defaultValue?: number): SimPicklistValue[] {
	return entries.map(([value, label], index) => ({
		value: String(value),
		label,
		isActive: true,
		isDefaultValue: value === defaultValue,
		sortOrder: index + 1,
		isSystem: true,
		parentValue: null
	}));
}

/**
 * TicketCharges.status with the labels the seeds name (issue 6: New, Waiting Approval,
 * Approved/Posted, Rejected, Cancelled, Waiting Customer, Billed). Their values are ours: live tenants
 * leave 5 unused (§1.7 [3P]), so the simulator does too, and no client can assume contiguous values.
 */
export const TICKET_CHARGE_STATUSES = picklist(
	[
		[1, 'New'],
		[2, 'Waiting Approval'],
		[3, 'Approved/Posted'],
		[4, 'Rejected'],
		[6, 'Cancelled'],
		[7, 'Waiting Customer'],
		[8, 'Billed']
	],
	1
);

export function defaultPicklists(): Record<string, Record<string, SimPicklistValue[]>> {
	return {
		Companies: {
			// [UNVERIFIED] commonly seen defaults.
			companyType: picklist([
				[1, 'Customer'],
				[2, 'Lead'],
				[3, 'Prospect'],
				[4, 'Dead'],
				[6, 'Cancellation'],
				[7, 'Vendor'],
				[8, 'Partner']
			])
		},
		Opportunities: {
			// §1.7 [3P]: "Closed" means won.
			status: picklist([
				[0, 'Not Ready To Buy'],
				[1, 'Active'],
				[2, 'Lost'],
				[3, 'Closed'],
				[4, 'Implemented']
			]),
			// Tenant-customisable (§1.7 [V]); these ids are the simulator's own.
			stage: picklist([
				[1, 'Prospect'],
				[2, 'Proposal'],
				[3, 'Negotiation'],
				[4, 'Won'],
				[5, 'Lost']
			])
		},
		Quotes: {
			paymentTerm: picklist([
				[1, 'Due on Receipt'],
				[2, 'Net 15'],
				[3, 'Net 30'],
				[4, 'Net 60']
			]),
			shippingType: picklist([
				[1, 'Ground'],
				[2, 'Next Day']
			])
		},
		QuoteItems: {
			// §1.7 [UNVERIFIED] values commonly cited.
			quoteItemType: picklist([
				[1, 'Product'],
				[2, 'Cost'],
				[3, 'Labor'],
				[4, 'Expense'],
				[6, 'Shipping'],
				[11, 'Service'],
				[12, 'Service Bundle']
			]),
			periodType: periodTypes()
		},
		Products: { periodType: periodTypes() },
		// The simulator's own ticket statuses (tenant-customisable); quote charges only show the label.
		Tickets: {
			status: picklist([
				[1, 'New'],
				[5, 'Complete'],
				[8, 'In Progress']
			])
		},
		BillingCodes: {
			// §1.7 [UNVERIFIED]: filter Material Cost Codes by this label, never by value.
			billingCodeType: picklist([
				[1, 'Work Type'],
				[2, 'Internal Allocation Code'],
				[3, 'Material Cost Code'],
				[4, 'Expense Category'],
				[5, 'Recurring Contract Service']
			])
		},
		// [UNVERIFIED] the statuses an Autotask purchase order goes through, as the UI names them.
		PurchaseOrders: {
			status: picklist(
				[
					[1, 'New'],
					[2, 'Submitted'],
					[3, 'Received Partial'],
					[4, 'Received Full'],
					[5, 'Cancel']
				],
				1
			)
		},
		TicketCharges: {
			status: TICKET_CHARGE_STATUSES.map((v) => ({ ...v })),
			// §1.5: labels Operational / Capitalized; the value map is [UNVERIFIED].
			chargeType: picklist(
				[
					[1, 'Operational'],
					[2, 'Capitalized']
				],
				1
			)
		}
	};
}

function periodTypes(): SimPicklistValue[] {
	return picklist([
		[1, 'One-Time'],
		[2, 'Monthly'],
		[3, 'Quarterly'],
		[4, 'Semi-Annual'],
		[5, 'Yearly']
	]);
}

/** The label that marks a billing code usable on ticket charges (§1.3: a Material Cost Code). */
export const MATERIAL_COST_CODE = 'Material Cost Code';
