// An admin changes a user's email over the sync API: unique in the organisation (trimmed, any case),
// the new address must be verified before a password sign-in, and the old one signs in no more.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { demoUserId } from '../demo/seed-demo.ts';
import { mailTo, tokenIn } from '../test/account-links.ts';
import { startGateway, TEST_PASSWORDS, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { replay, syncClient, uid } from '../test/wire-client.ts';

const PASSWORD = 'outpost-demo';
const SUBJECT = /^Verify your email address/;

describe.each(STORE_KINDS)('changing a user’s email on $name', (kind) => {
	let gw: Gateway;
	let admin: ReturnType<typeof syncClient>;

	const change = async (id: string, email: string) => {
		const client = syncClient(await gw.login('admin@demo.outpost.test'));
		const res = await client.push([client.m('changeUserEmail', { id, email })]);
		expect(res.status).toBe(200);
		return res.body.results[0]!;
	};
	const signIn = (email: string) => gw.client().post('/api/auth/login', { email, password: PASSWORD });

	beforeAll(async () => {
		gw = await startGateway(kind, { publicUrl: 'https://outpost.example.com' });
		admin = syncClient(await gw.login('admin@demo.outpost.test'));
	});
	afterAll(async () => {
		await gw?.close();
	});

	it('stores the new address trimmed and in lower case, and mails it a verification link', async () => {
		const id = demoUserId('sales@demo.outpost.test');
		expect(await change(id, '  Sam.Sales@Northwind.EXAMPLE ')).toEqual({ id: 1, status: 'applied' });
		expect(replay(await admin.pullAll(null)).get(`users/${id}`)).toMatchObject({
			email: 'sam.sales@northwind.example'
		});
		const [mail] = await mailTo(gw, 'sam.sales@northwind.example');
		expect(mail?.subject).toMatch(SUBJECT);
		expect(mail?.body).toContain('https://outpost.example.com/verify/');
	});

	it('refuses a password sign-in on the new address until it is verified, and the old address is gone', async () => {
		expect((await signIn('sales@demo.outpost.test')).body.error.code).not.toBe('email_not_verified');
		expect((await signIn('sales@demo.outpost.test')).status).toBe(401);
		const refused = await signIn('sam.sales@northwind.example');
		expect(refused.status).toBe(403);
		expect(refused.body).toEqual({ error: ERRORS.emailNotVerified });

		const [mail] = await mailTo(gw, 'sam.sales@northwind.example');
		const verified = await gw.client().post(`/api/auth/verify-email/${tokenIn(mail!.body, 'verify')}`, {});
		expect(verified.body).toEqual({ verified: true });
		const res = await signIn('sam.sales@northwind.example');
		expect(res.status).toBe(200);
		expect(res.body.user).toMatchObject({ email: 'sam.sales@northwind.example' });
	});

	it('refuses an address another user of the organisation has, in any case and spacing', async () => {
		const id = demoUserId('catalog@demo.outpost.test');
		expect(await change(id, ' ADMIN@demo.outpost.test')).toEqual({
			id: 1,
			status: 'rejected',
			...ERRORS.emailTaken
		});
		expect(replay(await admin.pullAll(null)).get(`users/${id}`)).toMatchObject({ email: 'catalog@demo.outpost.test' });
	});

	it('refuses an address that is not one, naming the field', async () => {
		const result = await change(demoUserId('catalog@demo.outpost.test'), 'not an address');
		expect(result).toMatchObject({ status: 'rejected', code: 'invalid_input' });
		expect((result as { message: string }).message).toContain('email');
	});

	it('answers as for a free address when the address signs in to another organisation, which keeps it', async () => {
		const otherId = uid('elsewhere');
		await gw.store.write(async (trx) => {
			await trx
				.insertInto('orgs')
				.values({ id: 'org-far', name: 'Far MSP', version: 0, next_quote_number: 1 })
				.execute();
			await trx
				.insertInto('users')
				.values({
					id: otherId,
					org_id: 'org-far',
					email: 'taken@far.example',
					password_hash: await TEST_PASSWORDS.hash('far-password'),
					email_verified: 1,
					acl_version: 1,
					created_at: 0
				})
				.execute();
		});
		const id = demoUserId('viewer@demo.outpost.test');
		expect(await change(id, 'taken@far.example')).toEqual({ id: 1, status: 'applied' });
		const [mail] = await mailTo(gw, 'taken@far.example');
		expect(mail?.subject).toMatch(SUBJECT);
		// The link opens nothing, and the other organisation's account is untouched.
		const opened = await gw.client().post(`/api/auth/verify-email/${tokenIn(mail!.body, 'verify')}`, {});
		expect(opened.body).toEqual({ error: ERRORS.tokenInvalid });
		const owners = await gw.store.db
			.selectFrom('users')
			.select(['id', 'email'])
			.where('id', 'in', [otherId, id])
			.orderBy('email')
			.execute();
		expect(owners).toEqual([
			{ id: otherId, email: 'taken@far.example' },
			{ id, email: 'viewer@demo.outpost.test' }
		]);
		expect((await signIn('viewer@demo.outpost.test')).status).toBe(200);
	});
});
