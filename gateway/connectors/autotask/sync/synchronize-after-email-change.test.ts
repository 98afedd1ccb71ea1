// The seeds' fix for a user who is not linked automatically: an admin sets the email the PSA has,
// and the next Synchronize matches the user on it (external id first, then email).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeUserEmail } from '../../../../shared/mutations/admin-mutations.ts';
import { buildUser } from '../../../../shared/test/builders.ts';
import { readEntity } from '../../../store/entity-reader.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { ORG, START, startAutotaskJobs, type AutotaskJobs } from '../../../psa/test/autotask-jobs-harness.ts';
import { buildResource } from '../simulator/seed-builders.ts';

const ADMIN = {
	userId: 'user-owner',
	actor: {
		userId: 'user-owner',
		orgId: ORG,
		isAdmin: true,
		permissions: [],
		companyId: 'company-msp',
		companyVerified: true,
		kind: 'msp'
	},
	now: START
} as const;

describe.each(STORE_KINDS)('Autotask Synchronize after an email change on $name', (kind) => {
	let at: AutotaskJobs;
	let resourceId: number;
	beforeEach(async () => {
		at = await startAutotaskJobs(kind);
		[resourceId] = at.sandbox.control.seed('Resources', [
			buildResource({ firstName: 'Rita', email: 'rita.field@msp.test' })
		]) as [number];
		await at.write((tx) => tx.put('users', buildUser({ id: 'user-rita', email: 'rita@old-domain.test' })));
	});
	afterEach(() => at.close());

	const rita = () => readEntity(at.store.db, ORG, 'users', 'user-rita');

	it('links the user on the corrected email at the next Synchronize', async () => {
		await at.enqueue('synchronize', 'autotask');
		await at.drain();
		expect(await rita()).toMatchObject({ externalIds: {}, companyVerified: false });

		await at.write((tx) =>
			changeUserEmail.apply(tx, changeUserEmail.args.parse({ id: 'user-rita', email: ' Rita.Field@MSP.test' }), ADMIN)
		);
		await at.enqueue('synchronize', 'autotask');
		await at.drain();
		expect(await rita()).toMatchObject({
			email: 'rita.field@msp.test',
			externalIds: { autotask: String(resourceId) },
			companyId: 'company-msp',
			companyVerified: true
		});
	});
});
