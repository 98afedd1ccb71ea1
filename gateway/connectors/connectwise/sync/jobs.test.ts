// ConnectWise through the job runner, on a fake clock: the seeds' rate-limit schedule (5 s, 10 s,
// 20 s, then the 60 s cap: 4 retries, then an issue) and Synchronize's user linking rules.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../shared/test/builders.ts';
import type { Sandbox } from '../test/client-sandbox.ts';
import { startConnectwiseJobs, type ConnectwiseJobs } from '../../../psa/test/connectwise-jobs-harness.ts';
import { readEntities, readEntity } from '../../../store/entity-reader.ts';
import { buildMember } from '../simulator/seed-builders.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { contractRows } from '../../../psa/test/contract-rows.ts';
import { ORG } from '../../../psa/test/jobs-harness.ts';

describe.each(STORE_KINDS)('ConnectWise jobs on $name', (kind) => {
	let cw: Sandbox;
	let jobs: ConnectwiseJobs;
	beforeEach(async () => {
		jobs = await startConnectwiseJobs(kind);
		cw = jobs.sandbox;
	});
	afterEach(() => jobs.close());

	async function seedQuote() {
		const { rows, quote } = contractRows({ categoryId: 'category-hardware' }, 1);
		await jobs.putRows(rows);
		return quote;
	}

	async function retriesOfLimitedSync(retryAfterSeconds: number | null) {
		const quote = await seedQuote();
		cw.control.inject({ kind: 'rate_limited', retryAfterSeconds, times: 100 });
		const attemptsAt: number[] = [];
		jobs.runner = jobs.newRunner({
			fetch: async (input, init) => {
				attemptsAt.push(jobs.clock.now());
				return fetch(input, init);
			}
		});
		const started = jobs.clock.now();
		await jobs.enqueue('syncQuote', quote.id);
		await jobs.drain();
		return { quote, secondsAfterStart: attemptsAt.map((at) => (at - started) / 1000) };
	}

	it('backs off a rate limit 5, 10, 20 and 60 s, and after 4 retries the failure is an issue', async () => {
		const { quote, secondsAfterStart } = await retriesOfLimitedSync(null);
		expect(secondsAfterStart).toEqual([0, 5, 15, 35, 95]);
		expect(await jobs.issue('syncQuote', quote.id)).toMatchObject({
			message: 'ConnectWise API rate limit exceeded',
			attempts: 1,
			state: 'open'
		});
		expect(cw.control.records('opportunities')).toHaveLength(0);
	});

	it('waits longer when ConnectWise asks for it with Retry-After (reference §2.8), still 4 retries', async () => {
		const { secondsAfterStart } = await retriesOfLimitedSync(30);
		expect(secondsAfterStart).toEqual([0, 30, 60, 90, 150]);
	});

	it('recovers when the rate limit lifts before the retries run out, with nothing duplicated', async () => {
		const quote = await seedQuote();
		cw.control.inject({ kind: 'rate_limited', times: 3 });
		await jobs.enqueue('syncQuote', quote.id);
		await jobs.drain();
		expect(await jobs.issue('syncQuote', quote.id)).toBeUndefined();
		expect(cw.control.records('companies')).toHaveLength(1);
		expect(cw.control.records('opportunities')).toHaveLength(1);
	});

	it('Synchronize: matches by identifier, then email; creates the rest; syncs only Regular Members and Subcontractors', async () => {
		const members = cw.control.seed('members', [
			buildMember({ identifier: 'ana', firstName: 'Ana', lastName: 'Lopez', officeEmail: ' Ana@MSP.test ' }),
			buildMember({ identifier: 'bo', firstName: 'Bo', lastName: 'Berg', officeEmail: 'bo.new@msp.test' }),
			buildMember({
				identifier: 'sub',
				firstName: 'Sue',
				lastName: 'Sub',
				officeEmail: 'sue@contractor.test',
				licenseClass: 'X'
			}),
			buildMember({
				identifier: 'api',
				firstName: 'Api',
				lastName: 'Bot',
				officeEmail: 'api@msp.test',
				licenseClass: 'A'
			}),
			buildMember({
				identifier: 'gone',
				firstName: 'Old',
				lastName: 'Timer',
				officeEmail: 'old@msp.test',
				inactiveFlag: true
			})
		]);
		const [, bo] = members;
		await jobs.write(async (tx) => {
			await tx.put('companies', { id: 'company-msp', name: 'Test MSP', isMsp: true, createdAt: 0 });
			await tx.put(
				'users',
				buildUser({ id: 'user-ana', email: 'ana@msp.test', companyId: null, companyVerified: false })
			);
			await tx.put(
				'users',
				buildUser({
					id: 'user-bo',
					email: 'bo@msp.test',
					companyId: 'company-msp',
					externalIds: { connectwise: String(bo) }
				})
			);
		});
		await jobs.enqueue('synchronize', 'connectwise');
		await jobs.drain();

		const users = await readEntities(jobs.store.db, ORG, 'users');
		const byEmail = new Map(users.map((u) => [u.email, u]));
		expect(byEmail.get('ana@msp.test')).toMatchObject({ companyId: 'company-msp', companyVerified: true });
		expect(byEmail.get('ana@msp.test')?.externalIds.connectwise).toBeDefined();
		expect(byEmail.get('bo@msp.test')?.externalIds.connectwise).toBe(String(bo));
		expect(byEmail.get('bo.new@msp.test')).toBeUndefined();
		expect(byEmail.get('sue@contractor.test')).toMatchObject({ kind: 'msp', companyId: 'company-msp' });
		expect(byEmail.get('rep@msp.test')).toBeDefined();
		expect(byEmail.has('api@msp.test')).toBe(false);
		expect(byEmail.has('old@msp.test')).toBe(false);
		const account = await jobs.store.db
			.selectFrom('users')
			.select(['email', 'password_hash'])
			.where('email', '=', 'sue@contractor.test')
			.executeTakeFirst();
		expect(account).toEqual({ email: 'sue@contractor.test', password_hash: null });
		expect((await readEntity(jobs.store.db, ORG, 'integrations', 'connectwise'))?.lastSync).toMatchObject({
			ok: true,
			summary: expect.stringMatching(/1 skipped/)
		});
	});
});
