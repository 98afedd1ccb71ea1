// The HaloPSA adapter's other operations against the simulator over loopback: the connection test,
// company sync, Synchronize (all enabled agents, paged) and the contract fixture itself.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCompany } from '../../../../shared/test/builders.ts';
import { buildAgent } from '../simulator/seed-builders.ts';
import { haloAdapter } from './adapter.ts';
import { haloFixture } from '../test/contract-fixture.ts';
import { haloContext, quoteRows, startHalo, type Halo } from '../test/sync-fixture.ts';
import { syncCompanyById, syncQuoteById } from '../../../psa/test/sync-by-id.ts';

let halo: Halo;
beforeEach(async () => {
	halo = await startHalo();
});
afterEach(() => halo.close());

describe('testConnection', () => {
	it('proves the credentials with a token and one cheap call', async () => {
		expect(await haloAdapter.testConnection(haloContext(halo, {}))).toEqual({
			ok: true,
			value: { summary: 'Connected to HaloPSA as Outpost API.' }
		});
		expect(halo.sim.control.calls()).toEqual({ 'POST /auth/token': 1, 'GET /Agent/me': 1 });
	});

	it('answers the credentials root cause for saved credentials of the wrong shape, spending no call', async () => {
		const ctx = haloContext(halo, {});
		ctx.credentials = { clientId: 'x' };
		expect(await haloAdapter.testConnection(ctx)).toEqual({
			ok: false,
			kind: 'permanent',
			message: 'HaloPSA authentication error: please verify your credentials',
			rootCause: { kind: 'credentials' }
		});
		expect(halo.sim.control.totalCalls()).toBe(0);
	});
});

describe('syncCompany', () => {
	it('creates the client once, then updates its name in place', async () => {
		const company = buildCompany({ name: 'Initech' });
		const ctx = haloContext(halo, { companies: [company] });
		const created = await syncCompanyById(haloAdapter, ctx, company.id);
		const [client] = halo.sim.control.records('Client');
		expect(created).toEqual({ ok: true, value: { externalId: String(client!.id) } });

		await ctx.tx.put('companies', { ...company, name: 'Initech Ltd' });
		expect(await syncCompanyById(haloAdapter, ctx, company.id)).toEqual(created);
		expect(halo.sim.control.records('Client')).toEqual([
			expect.objectContaining({ id: client!.id, name: 'Initech Ltd', ref: `outpost:${company.id}` })
		]);
		expect(halo.sim.control.calls()).toEqual({ 'POST /auth/token': 2, 'POST /Client': 2 });
	});
});

describe('synchronize', () => {
	it('answers every enabled agent as a person, page by page, never users or the API agent', async () => {
		const many = Array.from({ length: 120 }, (_, n) =>
			buildAgent({ name: `Agent ${n}`, firstname: 'Agent', surname: String(n), email: ` Agent${n}@MSP.example ` })
		);
		const [, disabledId] = halo.sim.control.seed('Agent', [
			...many.slice(0, 1),
			buildAgent({ name: 'Gone' }),
			...many.slice(1)
		]);
		halo.sim.control.deactivate('Agent', disabledId!);
		const ctx = haloContext(halo, quoteRows().rows);
		const result = await haloAdapter.synchronize(ctx);

		expect(result.ok).toBe(true);
		const { people, lookups } = result.ok ? result.value : { people: [], lookups: null };
		expect(lookups).toEqual({});
		expect(people).toHaveLength(121);
		expect(people[0]).toEqual({
			externalId: String(halo.agentId),
			email: 'sam.seller@msp.example',
			firstName: 'Sam',
			lastName: 'Seller',
			active: true
		});
		expect(people[1]).toMatchObject({ email: 'agent0@msp.example', firstName: 'Agent', lastName: '0' });
		expect(people.some((p) => p.externalId === String(disabledId))).toBe(false);
		expect(halo.sim.control.calls()).toEqual({ 'POST /auth/token': 1, 'GET /Agent': 2 });
		expect(haloAdapter.createsMissingUsers).toBe(false);
	});
});

describe('contract fixture', () => {
	it('starts a seeded tenant whose counters, faults and credentials the suite can use', async () => {
		const tenant = await haloFixture.start();
		try {
			const { rows, quote } = quoteRows();
			const ctx = haloContext({ ...halo, credentials: tenant.credentials as Halo['credentials'] }, rows);
			expect(tenant.count('companies')).toBe(1);
			expect((await syncQuoteById(haloAdapter, ctx, quote.id)).ok).toBe(true);
			expect(tenant.calls()).toBe(haloFixture.firstSyncCalls(2));
			expect([tenant.count('companies'), tenant.count('quotes'), tenant.count('quoteItems')]).toEqual([2, 1, 2]);

			tenant.failNext('unauthorized');
			expect(await haloAdapter.testConnection(ctx)).toMatchObject({ message: haloFixture.authFailureMessage });
		} finally {
			await tenant.close();
		}
	});
});
