// Admin > Integrations > Autotask > Synchronize: billing codes and picklists stored as lookups, and
// resources linked to users by external id first, then email; a matched MSP user's link verified.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../shared/test/builders.ts';
import { buildResource } from '../simulator/seed-builders.ts';
import { readEntity } from '../../../store/entity-reader.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { ORG, START, startAutotaskJobs, type AutotaskJobs } from '../../../psa/test/autotask-jobs-harness.ts';

describe.each(STORE_KINDS)('Autotask Synchronize on $name', (kind) => {
	let at: AutotaskJobs;
	let ids: Record<'byId' | 'byEmail' | 'stranger' | 'inactive', number>;
	beforeEach(async () => {
		at = await startAutotaskJobs(kind);
		const [byId, byEmail, stranger, inactive] = at.sandbox.control.seed('Resources', [
			buildResource({ firstName: 'Ida', email: 'ida.new-address@msp.test' }),
			buildResource({ firstName: 'Eve', email: '  Eve.Sales@MSP.test ' }),
			buildResource({ firstName: 'Stan', email: 'stan@elsewhere.test' }),
			buildResource({ firstName: 'Olga', email: 'olga@msp.test', isActive: false })
		]);
		ids = { byId: byId!, byEmail: byEmail!, stranger: stranger!, inactive: inactive! };
		await at.write(async (tx) => {
			// Linked before, and her email changed in Autotask since: the identifier wins.
			await tx.put(
				'users',
				buildUser({ id: 'user-ida', email: 'ida@msp.test', externalIds: { autotask: String(byId) } })
			);
			await tx.put('users', buildUser({ id: 'user-eve', email: 'eve.sales@msp.test' }));
			await tx.put('users', buildUser({ id: 'user-olga', email: 'olga@msp.test' }));
			await tx.put('users', buildUser({ id: 'user-cara', email: 'stan@elsewhere.test', kind: 'customer' }));
		});
		await at.enqueue('synchronize', 'autotask');
		await at.drain();
	});
	afterEach(() => at.close());

	const user = (id: string) => readEntity(at.store.db, ORG, 'users', id);

	it('links resources by external id, then by email, and verifies the MSP users it matched', async () => {
		expect(await user('user-ida')).toMatchObject({
			externalIds: { autotask: String(ids.byId) },
			companyId: 'company-msp',
			companyVerified: true
		});
		expect(await user('user-eve')).toMatchObject({
			externalIds: { autotask: String(ids.byEmail) },
			companyId: 'company-msp',
			companyVerified: true
		});
		expect(await user('user-owner')).toMatchObject({ companyVerified: true });
		expect((await user('user-owner'))?.externalIds.autotask).toMatch(/^\d+$/);
		// Inactive resources are not linked; customers are never matched to staff by email.
		expect(await user('user-olga')).toMatchObject({ externalIds: {}, companyVerified: false });
		expect(await user('user-cara')).toMatchObject({ externalIds: {}, companyVerified: false });
	});

	it('stores billing codes and picklists as lookups, and a summary of the run', async () => {
		const integration = (await readEntity(at.store.db, ORG, 'integrations', 'autotask'))!;
		expect(integration.lookups.billingCodes).toEqual([
			{ value: String(at.codes.active), label: 'Hardware (Material Cost Code)', active: true },
			{ value: String(at.codes.inactive), label: 'Retired hardware (Material Cost Code)', active: false }
		]);
		expect(integration.lookups.ticketChargeStatuses?.map((s) => s.label)).toContain('Approved/Posted');
		expect(Object.keys(integration.lookups).sort()).toEqual([
			'billingCodes',
			'companyTypes',
			'opportunityStages',
			'opportunityStatuses',
			'paymentTerms',
			'quoteItemTypes',
			'resources',
			'ticketChargeStatuses',
			'ticketChargeTypes'
		]);
		expect(integration.lastSync).toEqual({
			at: START,
			ok: true,
			summary: expect.stringMatching(/users 3 linked, 0 created, 0 skipped, 1 unmatched\. 0 tickets\.$/)
		});
		expect(await at.issue('synchronize', 'autotask')).toBeUndefined();
	});

	it('a picklist relabelled in Autotask is refreshed by the next Synchronize', async () => {
		at.sandbox.control.setPicklist('Quotes', 'paymentTerm', [{ value: 1, label: 'Due on receipt (tenant wording)' }]);
		await at.enqueue('synchronize', 'autotask');
		await at.drain();
		const integration = (await readEntity(at.store.db, ORG, 'integrations', 'autotask'))!;
		expect(integration.lookups.paymentTerms).toEqual([
			{ value: '1', label: 'Due on receipt (tenant wording)', active: true }
		]);
	});
});
