import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { postFrom } from '../test/from-address.ts';
import { testClientAddress } from '../test/from-address.ts';
import { startGateway, TEST_PASSWORDS, type Gateway } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';

const MINUTE = 60_000;
const SALES = 'sales@demo.outpost.test';
const VIEWER = 'viewer@demo.outpost.test';
const RIGHT = 'outpost-demo';
const WRONG = 'not the password';
const throttled = { error: ERRORS.tooManyAttempts };

describe.each(STORE_KINDS)('sign-in throttling on $name', (kind) => {
	const clock = {
		t: Date.UTC(2026, 10, 1, 9),
		now() {
			return this.t;
		}
	};
	let gw: Gateway;
	let net = 0;
	/** A fresh address block per test, so tests do not share address counters. */
	let addr: (host: number) => string;

	const login = (address: string, email: string, password: string) =>
		postFrom(gw.baseUrl, address, '/api/auth/login', { email, password });

	/** Password checks that reached the hasher. */
	let checked = 0;
	const passwords = {
		hash: (password: string) => TEST_PASSWORDS.hash(password),
		verify: (password: string, stored: string) => {
			checked++;
			return TEST_PASSWORDS.verify(password, stored);
		}
	};

	beforeAll(async () => {
		gw = await startGateway(kind, { clock, clientAddress: testClientAddress, passwords });
	});
	afterAll(async () => {
		await gw?.close();
	});
	beforeEach(async () => {
		clock.t += 60 * MINUTE; // every test starts with all windows expired
		const block = ++net;
		addr = (host) => `198.51.${block}.${host}`;
	});

	describe('per account', () => {
		it('refuses the sixth attempt within 15 minutes, even with the right password, from any address', async () => {
			for (let k = 1; k <= 5; k++) {
				clock.t += MINUTE;
				expect((await login(addr(k), SALES, WRONG)).status, `failure ${k}`).toBe(401);
			}
			const refused = await login(addr(9), SALES, RIGHT);
			expect(refused.status).toBe(429);
			expect(refused.body).toEqual(throttled);
			// The oldest failure was 4 minutes ago; it leaves the window in 11 minutes.
			expect(refused.retryAfter).toBe(String(11 * 60));
		});

		it('counts an unknown email the same way, so the limit does not reveal which accounts exist', async () => {
			const nobody = `nobody-${net}@demo.outpost.test`;
			for (let k = 1; k <= 5; k++) expect((await login(addr(k), nobody, WRONG)).status).toBe(401);
			const refused = await login(addr(6), nobody, WRONG);
			expect(refused).toEqual({ status: 429, body: throttled, retryAfter: String(15 * 60) });
		});

		it('lets the account in again once the window has passed', async () => {
			for (let k = 1; k <= 5; k++) await login(addr(k), VIEWER, WRONG);
			clock.t += 15 * MINUTE - 1;
			expect((await login(addr(7), VIEWER, RIGHT)).status).toBe(429);
			clock.t += 1;
			expect((await login(addr(7), VIEWER, RIGHT)).status).toBe(200);
		});

		it('starts counting afresh after a successful sign-in', async () => {
			for (let k = 1; k <= 4; k++) await login(addr(1), SALES, WRONG);
			expect((await login(addr(1), SALES, RIGHT)).status).toBe(200);
			for (let k = 1; k <= 5; k++) expect((await login(addr(1), SALES, WRONG)).status, `failure ${k}`).toBe(401);
			expect((await login(addr(1), SALES, RIGHT)).status).toBe(429);
		});

		it('keys the account by its normalised email', async () => {
			for (let k = 1; k <= 5; k++) await login(addr(k), k % 2 ? ' SALES@demo.outpost.test' : SALES, WRONG);
			expect((await login(addr(8), 'Sales@Demo.Outpost.Test', RIGHT)).status).toBe(429);
		});
	});

	describe('per address', () => {
		it('refuses the 21st attempt from one address within 15 minutes, whatever the account', async () => {
			for (let k = 1; k <= 20; k++) {
				const res = await login(addr(1), `guess-${net}-${k}@demo.outpost.test`, WRONG);
				expect(res.status, `failure ${k}`).toBe(401);
			}
			const refused = await login(addr(1), SALES, RIGHT);
			expect(refused).toEqual({ status: 429, body: throttled, retryAfter: String(15 * 60) });
			expect((await login(addr(2), SALES, RIGHT)).status).toBe(200);
		});

		it('is not cleared by a successful sign-in from that address', async () => {
			for (let k = 1; k <= 19; k++) await login(addr(1), `guess-${net}-${k}@demo.outpost.test`, WRONG);
			expect((await login(addr(1), SALES, RIGHT)).status).toBe(200);
			expect((await login(addr(1), VIEWER, WRONG)).status).toBe(401);
			expect((await login(addr(1), VIEWER, RIGHT)).status).toBe(429);
			clock.t += 15 * MINUTE;
			expect((await login(addr(1), VIEWER, RIGHT)).status).toBe(200);
		});
	});

	it('lets at most 5 of 60 concurrent attempts reach the password check, so the last, right one is refused', async () => {
		checked = 0;
		const wrong = Array.from({ length: 59 }, () => login(addr(1), SALES, WRONG));
		// Sent last, once guesses reach the hasher, so no scheduling luck lets it in first.
		await vi.waitFor(() => expect(checked).toBeGreaterThanOrEqual(5), { timeout: 15_000 });
		const right = login(addr(1), SALES, RIGHT);
		const answers = await Promise.all([...wrong, right]);
		expect(checked).toBe(5);
		expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
		expect(answers.filter((a) => a.status === 429)).toHaveLength(55);
		expect(answers[59]).toEqual({ status: 429, body: throttled, retryAfter: String(15 * 60) });
	});

	it('does not count refusals after a correct password, nor the throttled attempts themselves', async () => {
		for (let k = 1; k <= 5; k++) await login(addr(k), VIEWER, WRONG);
		for (let k = 0; k < 10; k++) expect((await login(addr(1), VIEWER, WRONG)).status).toBe(429);
		clock.t += 15 * MINUTE;
		expect((await login(addr(1), VIEWER, RIGHT)).status).toBe(200);
	});

	it('prunes attempts that no window can count any more', async () => {
		const atTimes = async () =>
			(await gw.store.db.selectFrom('sign_in_attempts').select('at').execute()).map((r) => r.at);
		await login(addr(1), SALES, WRONG);
		const first = clock.t;
		expect((await atTimes()).filter((at) => at === first)).toHaveLength(2);
		clock.t += 16 * MINUTE;
		await login(addr(2), VIEWER, WRONG);
		const left = await atTimes();
		expect(left).not.toContain(first);
		expect(left.filter((at) => at === clock.t)).toHaveLength(2);
	});
});
