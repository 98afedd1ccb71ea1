// The sign-in throttle under concurrency, over real HTTP: 60 attempts sent at once from one address
// may check at most as many passwords as the limits allow, and a right password sent last among
// them is refused like the rest. Counting after the slow hash (production's cost, see
// production-cost-gateway.ts) lets every one of them through.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { THROTTLE_RULES } from '../auth/sign-in-throttle.ts';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { startProductionCostGateway, type SlowGateway } from './production-cost-gateway.ts';

const ATTEMPTS = 60;
const ADDRESS = '203.0.113.9';

describe.each(STORE_KINDS)('sign-in throttle under 60 concurrent attempts on $name', (kind) => {
	let gw: SlowGateway;
	beforeEach(async () => {
		gw = await startProductionCostGateway(kind, ADDRESS);
	});
	afterEach(async () => {
		await gw.close();
	});

	/** Sends every sign-in at once; answers come back in the order sent. */
	function signInAll(attempts: { email: string; password: string }[]) {
		return Promise.all(attempts.map((body) => gw.post('/api/auth/login', body)));
	}

	it('one account: 59 wrong passwords then the right one; 5 are checked, the rest and the right one get 429', async () => {
		const email = 'sales@demo.outpost.test';
		const attempts = Array.from({ length: ATTEMPTS - 1 }, (_, k) => ({ email, password: `wrong-${k}` }));
		const answers = await signInAll([...attempts, { email, password: DEMO_PASSWORD }]);

		const right = answers.at(-1)!;
		expect(right.status, JSON.stringify(right.body)).toBe(429);
		expect(right.body.error.code).toBe('too_many_attempts');
		expect(right.headers.get('set-cookie')).toBeNull();
		const statuses = answers.map((a) => a.status);
		expect(statuses.filter((s) => s === 401)).toHaveLength(THROTTLE_RULES.account.limit);
		expect(statuses.filter((s) => s === 429)).toHaveLength(ATTEMPTS - THROTTLE_RULES.account.limit);
	});

	it('one address: 59 wrong passwords for 59 accounts then a right one; 20 are checked, the rest get 429', async () => {
		const attempts = Array.from({ length: ATTEMPTS - 1 }, (_, k) => ({
			email: `nobody-${k}@elsewhere.example`,
			password: 'wrong-password'
		}));
		const answers = await signInAll([...attempts, { email: 'buyer@demo.outpost.test', password: DEMO_PASSWORD }]);

		expect(answers.at(-1)!.status, JSON.stringify(answers.at(-1)!.body)).toBe(429);
		const statuses = answers.map((a) => a.status);
		expect(statuses.filter((s) => s === 401)).toHaveLength(THROTTLE_RULES.address.limit);
		expect(statuses.filter((s) => s === 429)).toHaveLength(ATTEMPTS - THROTTLE_RULES.address.limit);
	});
});
