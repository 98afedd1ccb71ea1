// The sandbox's HaloPSA tenant: an agent for each of the demo organisation's MSP staff (so Synchronize
// links them by email), an unassigned agent with no email, an existing customer with a contact, and the
// two distributors as suppliers (the vendors of purchase orders).

import { demoPsaStaff } from '../../../demo/demo-data.ts';
import type { HaloSimulatorControl } from './control.ts';
import { buildAgent, buildClient, buildItem, buildSupplier, buildUser } from './seed-builders.ts';

export function seedHaloDemo(control: HaloSimulatorControl): void {
	const staff = demoPsaStaff();
	control.seed('Agent', [
		buildAgent({ name: 'Unassigned', firstname: '', surname: '', email: null }),
		...staff.map((user) => {
			const [firstname = '', ...rest] = user.name.split(' ');
			return buildAgent({ name: user.name, firstname, surname: rest.join(' '), email: user.email });
		})
	]);
	const [clientId] = control.seed('Client', [buildClient({ name: 'Northwind Traders' })]);
	control.seed('Users', [
		buildUser({ name: 'Nancy Davolio', emailaddress: 'nancy@northwind.example', client_id: clientId })
	]);
	control.seed('Item', [
		buildItem({ name: 'Managed Backup (per device)', baseprice: 12, costprice: 5, isrecurringitem: true })
	]);
	control.seed('Supplier', [buildSupplier({ name: 'Ingram Micro' }), buildSupplier({ name: 'TD SYNNEX' })]);
}
