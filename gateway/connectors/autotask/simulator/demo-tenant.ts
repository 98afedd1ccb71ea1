// The sandbox's Autotask tenant: a resource for each of the demo organisation's MSP staff (so
// Synchronize links them by email), a Material Cost Code per demo category (the ids the demo's
// categories are mapped to) plus a retired one, a ticket with recent charges to import, and what
// purchase orders need: the two distributors as vendor companies and a warehouse to receive into.

import { CATEGORY_TABLE } from '../../../demo/demo-product-families.ts';
import { demoPsaStaff } from '../../../demo/demo-data.ts';
import type { AutotaskSimulatorControl } from './control.ts';
import {
	buildBillingCode,
	buildCompany,
	buildInventoryLocation,
	buildProduct,
	buildResource,
	buildTicket,
	buildTicketCharge,
	buildVendor
} from './seed-builders.ts';

export const RETIRED_BILLING_CODE_ID = 29682899;

export function seedAutotaskDemo(control: AutotaskSimulatorControl, now: number): void {
	const staff = demoPsaStaff();
	control.seed(
		'Resources',
		staff.map((user, i) => {
			const [firstName = '', ...rest] = user.name.split(' ');
			return buildResource({ firstName, lastName: rest.join(' '), email: user.email, userName: `staff${i + 1}` });
		})
	);
	control.seed('BillingCodes', [
		...CATEGORY_TABLE.map(([, name, , id]) => buildBillingCode({ id: Number(id), name })),
		buildBillingCode({ id: RETIRED_BILLING_CODE_ID, name: 'Retired hardware', isActive: false })
	]);
	const [ticketId] = control.seed('Tickets', [buildTicket({ title: 'New starter: laptop and dock' })]);
	// A customer with open tickets, for attaching accepted quotes (quote charges).
	const [acme] = control.seed('Companies', [buildCompany({ companyName: 'Acme Corporation' })]);
	control.seed('Tickets', [
		buildTicket({ companyID: acme, ticketNumber: 'T20261201.0001', title: 'Laptop refresh for the sales team' }),
		buildTicket({ companyID: acme, ticketNumber: 'T20261201.0002', title: 'Printer keeps jamming' })
	]);
	control.seed('Companies', [buildVendor({ companyName: 'Ingram Micro' }), buildVendor({ companyName: 'TD SYNNEX' })]);
	control.seed('InventoryLocations', [buildInventoryLocation()]);
	const [noProcurement] = control.seed('Products', [
		buildProduct({ name: 'Remote support hour', sku: 'SUP-HOUR', doesNotRequireProcurement: true })
	]);
	const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
	control.seed('TicketCharges', [
		buildTicketCharge({ ticketID: ticketId, name: 'USB-C dock', status: 1, createDate: minutesAgo(30) }),
		buildTicketCharge({ ticketID: ticketId, name: '27" monitor', status: 2, createDate: minutesAgo(55) }),
		buildTicketCharge({
			ticketID: ticketId,
			name: 'Remote support',
			productID: noProcurement,
			createDate: minutesAgo(20)
		})
	]);
}
