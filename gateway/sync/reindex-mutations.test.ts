// The re-index mutations over HTTP on a real gateway: a re-index of a type or of one issue's record
// becomes a queued job in the push transaction, admins only, with its progress row replicated.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../shared/errors.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { readEntity } from '../store/entity-reader.ts';
import { startGateway, type Gateway } from '../test/http-harness.ts';
import { openIssue, putIntegration } from '../test/psa-rows.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { syncClient } from '../test/wire-client.ts';

describe.each(STORE_KINDS)('Re-index mutations over HTTP on $name', (kind) => {
	let gw: Gateway;
	let admin: ReturnType<typeof syncClient>;

	const jobsOf = (entityId: string) =>
		gw.store.db
			.selectFrom('jobs')
			.select(['provider', 'kind', 'entity_id', 'status'])
			.where('org_id', '=', DEMO_ORG.id)
			.where('entity_id', '=', entityId)
			.execute();

	beforeAll(async () => {
		gw = await startGateway(kind);
		admin = syncClient(await gw.login('admin@demo.outpost.test'));
		await putIntegration(gw, 'autotask', { configured: true });
	});
	afterAll(async () => {
		await gw?.close();
	});

	it('queues one re-index of a type and shows it queued; a second while it waits is Already synchronizing', async () => {
		const first = await admin.push([admin.m('reindexEntities', { provider: 'autotask', entity: 'contacts' })]);
		const second = await admin.push([admin.m('reindexEntities', { provider: 'autotask', entity: 'contacts' })]);
		expect(first.body.results[0]).toMatchObject({ status: 'applied' });
		expect(second.body.results[0]).toMatchObject({ status: 'rejected', code: ERRORS.alreadySynchronizing.code });
		expect(await jobsOf('contacts')).toEqual([
			{ provider: 'autotask', kind: 'reindex', entity_id: 'contacts', status: 'queued' }
		]);
		expect(await readEntity(gw.store.db, DEMO_ORG.id, 'reindexRuns', 'autotask:contacts')).toMatchObject({
			state: 'queued',
			label: 'Contacts'
		});
	});

	it('refuses a type no PSA is connected for, naming why', async () => {
		const res = await admin.push([admin.m('reindexEntities', { provider: 'halopsa', entity: 'products' })]);
		expect(res.body.results[0]).toMatchObject({
			status: 'rejected',
			code: ERRORS.integrationNotConfigured.code,
			message: ERRORS.integrationNotConfigured.message
		});
		expect(await jobsOf('products')).toEqual([]);
	});

	it("Re-index this record queues a re-index of the issue's quote and marks the issue retrying", async () => {
		const issue = await openIssue(gw, { message: 'No matching records found', rootCause: null });
		const res = await admin.push([admin.m('reindexRecord', { issueId: issue.id })]);
		expect(res.body.results[0]).toMatchObject({ status: 'applied' });
		expect(await jobsOf(`quotes/${issue.entityId}`)).toEqual([
			{ provider: 'autotask', kind: 'reindex', entity_id: `quotes/${issue.entityId}`, status: 'queued' }
		]);
		expect(await readEntity(gw.store.db, DEMO_ORG.id, 'issues', issue.id)).toMatchObject({ state: 'retrying' });
	});

	it('an issue about a whole integration has no record to re-index', async () => {
		const issue = await openIssue(gw, { entityTable: 'integrations', entityId: 'autotask', operation: 'synchronize' });
		const res = await admin.push([admin.m('reindexRecord', { issueId: issue.id })]);
		expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: ERRORS.notReindexable.code });
	});

	it('is for admins only', async () => {
		const sales = syncClient(await gw.login('sales@demo.outpost.test'));
		const res = await sales.push([sales.m('reindexEntities', { provider: 'autotask', entity: 'quotes' })]);
		expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
		expect(await jobsOf('quotes')).toEqual([]);
	});
});
