// An address belongs to one organisation. Inviting one that already signs in somewhere else must
// look to the inviting admin exactly like inviting a new address: same push answer, same mail, same
// user row. Neither a 503 nor a rejection may tell them the address is a user elsewhere.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationResult } from '../../shared/sync/protocol.ts';
import { startGateway, TEST_PASSWORDS, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { syncClient, uid } from '../test/wire-client.ts';

const ELSEWHERE = 'taken@other.example';

describe.each(STORE_KINDS)('inviting an address of another organisation, on $name', (kind) => {
	let gw: Gateway;
	let admin: HttpClient;
	const otherUserId = uid('other-user');

	beforeAll(async () => {
		gw = await startGateway(kind, { clock: { now: () => Date.UTC(2026, 10, 1, 9) } });
		admin = await gw.login('admin@demo.outpost.test');
		await gw.store.write(async (trx) => {
			await trx
				.insertInto('orgs')
				.values({ id: 'org-other', name: 'Other MSP', version: 0, next_quote_number: 1 })
				.execute();
			await trx
				.insertInto('users')
				.values({
					id: otherUserId,
					org_id: 'org-other',
					email: ELSEWHERE,
					password_hash: await TEST_PASSWORDS.hash('other-password'),
					email_verified: 1,
					acl_version: 1,
					created_at: 0
				})
				.execute();
		});
	});
	afterAll(async () => {
		await gw?.close();
	});

	/** Invites `email` and then asks for the invitation again, as an admin's device would. */
	async function inviteTwice(email: string) {
		const id = uid('invited');
		const client = syncClient(admin);
		const args = { id, email, name: 'Nell Newcomer', kind: 'msp' as const, roleIds: [], companyId: null };
		const res = await client.push([client.m('inviteUser', args), client.m('resendInvitation', { id })]);
		const mailbox = await admin.get('/api/admin/mailbox');
		const mail = (mailbox.body.mail as { to: string; subject: string; body: string }[])
			.filter((m) => m.to === email)
			.map((m) => ({ subject: m.subject, body: m.body.replace(/\/invite\/[A-Za-z0-9_-]+/, '/invite/TOKEN') }));
		const pulled = await client.pullAll(null);
		const user = pulled.flatMap((p) => p.patch).find((op) => op.op === 'put' && op.table === 'users' && op.id === id);
		return { status: res.status, results: res.body.results as MutationResult[], mail, user, id };
	}

	it('answers, mails and replicates exactly as for a new address', async () => {
		const fresh = await inviteTwice('fresh@new.example');
		const elsewhere = await inviteTwice(ELSEWHERE);
		expect(elsewhere.status).toBe(200);
		expect(elsewhere.results).toEqual(fresh.results);
		expect(fresh.results).toEqual([
			{ id: 1, status: 'applied' },
			{ id: 2, status: 'applied' }
		]);
		expect(elsewhere.mail).toHaveLength(2);
		expect(elsewhere.mail).toEqual(fresh.mail);
		const strip = (op: unknown) => {
			const { value } = op as { value: Record<string, unknown> };
			return { ...value, id: 'ID', email: 'EMAIL' };
		};
		expect(strip(elsewhere.user)).toEqual(strip(fresh.user));
	});

	it('leaves the other organisation’s account alone and gives the invitation no way into it', async () => {
		const { id } = await inviteTwice(ELSEWHERE);
		const accounts = await gw.store.db
			.selectFrom('users')
			.select(['id', 'org_id'])
			.where('email', '=', ELSEWHERE)
			.execute();
		expect(accounts).toEqual([{ id: otherUserId, org_id: 'org-other' }]);
		const tokens = await gw.store.db
			.selectFrom('one_time_tokens')
			.select('user_id')
			.where('user_id', 'in', [id, otherUserId])
			.execute();
		expect(tokens).toEqual([]);
	});
});
