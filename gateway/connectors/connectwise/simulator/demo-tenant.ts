// The sandbox's ConnectWise tenant: a member for each of the demo organisation's MSP staff (so
// Synchronize links them by email), and what purchase orders need: the two distributors as vendor
// companies and the procurement setup tables (a default status, terms and a unit of measure).

import { demoPsaStaff } from '../../../demo/demo-data.ts';
import type { ConnectwiseSimulatorControl } from './control.ts';
import { buildMember, buildVendor, PROCUREMENT_SETUP } from './seed-builders.ts';

/** Seeds the tenant; answers the members' ids, in the demo staff's order. */
export function seedConnectwiseDemo(control: ConnectwiseSimulatorControl): number[] {
	const members = control.seed(
		'members',
		demoPsaStaff().map((user, i) => {
			const [firstName = '', ...rest] = user.name.split(' ');
			return buildMember({ identifier: `staff${i + 1}`, firstName, lastName: rest.join(' '), officeEmail: user.email });
		})
	);
	control.seed('companies', [
		buildVendor({ identifier: 'IngramMicro', name: 'Ingram Micro' }),
		buildVendor({ identifier: 'TDSYNNEX', name: 'TD SYNNEX' })
	]);
	for (const [table, rows] of Object.entries(PROCUREMENT_SETUP)) control.seed(table as never, [...rows]);
	return members;
}
