import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ORG, MSP_COMPANY_ID } from '../demo/demo-data.ts';
import { demoUserId } from '../demo/seed-demo.ts';
import { readEntity } from '../store/entity-reader.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { verifyCompanyLinkFromPsa } from './company-link-hook.ts';

describe.each(STORE_KINDS)('verifyCompanyLinkFromPsa on $name', (kind) => {
	let gw: Gateway;
	beforeEach(async () => {
		gw = await startGateway(kind);
	});
	afterEach(async () => {
		await gw.close();
	});

	it('lets an unverified MSP user in, and reaches admins through a pull', async () => {
		const id = demoUserId('unverified@demo.outpost.test');
		const before = await (await gw.login('unverified@demo.outpost.test')).get('/api/auth/me');
		expect(before.status).toBe(403);

		expect(await verifyCompanyLinkFromPsa(gw.store, DEMO_ORG.id, id, MSP_COMPANY_ID)).toEqual({ changed: true });
		expect(await readEntity(gw.store.db, DEMO_ORG.id, 'users', id)).toMatchObject({
			companyId: MSP_COMPANY_ID,
			companyVerified: true
		});
		const after = await (await gw.login('unverified@demo.outpost.test')).get('/api/auth/me');
		expect(after.status).toBe(200);
		expect(await verifyCompanyLinkFromPsa(gw.store, DEMO_ORG.id, id, MSP_COMPANY_ID)).toEqual({ changed: false });
	});

	it('links an unlinked user, and bumps their ACL version so their next pull starts over', async () => {
		const id = demoUserId('unlinked@demo.outpost.test');
		const acl = async () =>
			(await gw.store.db.selectFrom('users').select('acl_version').where('id', '=', id).executeTakeFirstOrThrow())
				.acl_version;
		const aclBefore = await acl();
		await verifyCompanyLinkFromPsa(gw.store, DEMO_ORG.id, id, MSP_COMPANY_ID);
		expect(await acl()).toBe(aclBefore + 1);
	});

	it('refuses an unknown user or company without writing anything', async () => {
		await expect(verifyCompanyLinkFromPsa(gw.store, DEMO_ORG.id, 'user-ghost', MSP_COMPANY_ID)).rejects.toThrow(
			'That user does not exist.'
		);
		await expect(
			verifyCompanyLinkFromPsa(gw.store, DEMO_ORG.id, demoUserId('unlinked@demo.outpost.test'), 'company-ghost')
		).rejects.toThrow('The company does not exist.');
		const user = await readEntity(gw.store.db, DEMO_ORG.id, 'users', demoUserId('unlinked@demo.outpost.test'));
		expect(user?.companyId).toBeNull();
	});
});
