// Opportunity changes polled back from Autotask: one query per poll from a lastActivity watermark
// kept in psa_cursors, the tenant's stage label and the quote the opportunity came from.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEntities } from '../../../store/entity-reader.ts';
import { STORE_KINDS } from '../../../test/stores.ts';
import { ACME, ORG, startAutotaskJobs, type AutotaskJobs } from '../../../psa/test/autotask-jobs-harness.ts';

const MINUTE = 60_000;

describe.each(STORE_KINDS)('Autotask opportunity poll on $name', (kind) => {
	let at: AutotaskJobs;
	beforeEach(async () => {
		at = await startAutotaskJobs(kind, { withLookups: true });
		await at.write(async (tx) => {
			const integration = (await tx.get('integrations', 'autotask'))!;
			await tx.put('integrations', { ...integration, settings: { ...integration.settings, pollOpportunities: true } });
		});
	});
	afterEach(() => at.close());

	const poll = async () => {
		await at.enqueue('pollOpportunities', 'autotask');
		await at.drain();
	};
	const cursor = async () =>
		(await at.store.db.selectFrom('psa_cursors').select(['name', 'value']).where('org_id', '=', ORG).execute()).map(
			(r) => ({ ...r, value: Number(r.value) })
		);
	const rowVersions = () =>
		at.store.db.selectFrom('entities').select(['id', 'version']).where('tbl', '=', 'opportunities').execute();

	it('a change in Autotask lands in one query; a poll with nothing new costs one request and changes nothing', async () => {
		const { quote } = await at.quote(['p-laptop']);
		await at.enqueue('syncQuote', quote.id);
		await at.drain();
		await poll();
		const [opportunity] = at.sandbox.control.records('Opportunities');

		at.clock.t += 10 * MINUTE;
		const changedAt = at.clock.now();
		const stage = at.sandbox.control.picklist('Opportunities', 'stage').find((s) => s.value === '4')!;
		at.sandbox.control.patch('Opportunities', opportunity!.id, {
			stage: 4,
			lastActivity: new Date(changedAt).toISOString()
		});
		at.sandbox.control.resetCalls();
		await poll();

		expect(at.sandbox.control.calls()).toEqual({ 'POST /Opportunities/query': 1 });
		expect(await readEntities(at.store.db, ORG, 'opportunities')).toEqual([
			expect.objectContaining({
				id: `autotask-opportunity-${opportunity!.id}`,
				externalId: String(opportunity!.id),
				quoteId: quote.id,
				companyId: ACME.id,
				stage: stage.label,
				lastActivityAt: changedAt
			})
		]);
		expect(await cursor()).toEqual([{ name: 'opportunities.lastActivity', value: changedAt + 1 }]);

		const before = await rowVersions();
		at.clock.t += 10 * MINUTE;
		at.sandbox.control.resetCalls();
		await poll();
		expect(at.sandbox.control.totalCalls()).toBe(1);
		expect(await rowVersions()).toEqual(before);
		expect(await cursor()).toEqual([{ name: 'opportunities.lastActivity', value: changedAt + 1 }]);
		expect(await at.issue('pollOpportunities', 'autotask')).toBeUndefined();
	});

	it('with polling off, asks Autotask nothing', async () => {
		await at.write(async (tx) => {
			const integration = (await tx.get('integrations', 'autotask'))!;
			await tx.put('integrations', { ...integration, settings: { ...integration.settings, pollOpportunities: false } });
		});
		at.sandbox.control.resetCalls();
		await poll();
		expect(at.sandbox.control.totalCalls()).toBe(0);
		expect(await cursor()).toEqual([]);
	});
});
