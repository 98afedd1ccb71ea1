// The status poller against the sandbox status page over loopback, on each store.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIntegration } from '../../shared/schema/psa-entities.ts';
import { createOutboundPolicy } from '../connectors/common/outbound-policy.ts';
import { replicatedWriter } from '../jobs/replicated-write.ts';
import { readEntities } from '../store/entity-reader.ts';
import { createPokeHub } from '../sync/poke-hub.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { createStatusPageSimulator, type StatusPageSimulator } from '../connectors/common/simulator/status-page.ts';
import { createStatusPoller, type StatusPoller } from './status-poller.ts';

const ORG = 'org-status';

describe.each(STORE_KINDS)('vendor status pages on $name', (kind) => {
	let opened: TestStore;
	let sim: StatusPageSimulator;
	let poller: StatusPoller;
	const incidents = () => readEntities(opened.store.db, ORG, 'incidents');
	const version = async () =>
		Number(
			(await opened.store.db.selectFrom('orgs').select('version').where('id', '=', ORG).executeTakeFirstOrThrow())
				.version
		);

	beforeAll(async () => {
		sim = createStatusPageSimulator();
		await sim.listen();
		opened = await kind.open();
		const { store } = opened;
		await store.db
			.insertInto('orgs')
			.values({ id: ORG, name: 'Status MSP', version: 0, next_quote_number: 1 })
			.execute();
		const write = replicatedWriter(store, createPokeHub());
		await write(ORG, async (tx) => {
			const autotask = defaultIntegration('autotask');
			await tx.put('integrations', {
				...autotask,
				settings: { ...autotask.settings, statusPageUrl: sim.urlOf('autotask') }
			});
			await tx.put('integrations', defaultIntegration('halopsa'));
		});
		poller = createStatusPoller({
			store,
			write,
			outbound: createOutboundPolicy({ allowLoopback: true }),
			log: () => {}
		});
	});
	afterAll(async () => {
		await opened?.close();
		await sim?.close();
	});

	it('reads the configured page and opens nothing while all is operational', async () => {
		expect(await poller.pollAll()).toBe(1);
		expect(await incidents()).toEqual([]);
	});

	it('opens one vendor incident for an outage, and an unchanged page writes nothing more', async () => {
		sim.set('autotask', { indicator: 'major', description: 'Partial System Outage', incident: 'REST API errors' });
		await poller.pollAll();
		const before = await version();
		await poller.pollAll();
		expect(await version()).toBe(before);
		const [incident, ...others] = await incidents();
		expect(others).toEqual([]);
		expect(incident).toMatchObject({
			system: 'autotask',
			source: 'vendor',
			kind: 'outage',
			title: 'Autotask reports an outage',
			cause: 'Status page (major): Partial System Outage — REST API errors.',
			endedAt: null
		});
	});

	it('turns it into a maintenance window when the page says so, and closes it when all is well', async () => {
		sim.set('autotask', { indicator: 'maintenance', description: 'Under Maintenance', maintenance: 'Zone upgrade' });
		await poller.pollAll();
		expect(await incidents()).toMatchObject([
			{ kind: 'maintenance', title: 'Autotask is in a maintenance window', endedAt: null }
		]);
		sim.set('autotask', { indicator: 'none', description: 'All Systems Operational' });
		await poller.pollAll();
		const [closed] = await incidents();
		expect(closed!.endedAt).toEqual(expect.any(Number));
	});

	it('never calls a page the outbound policy refuses', async () => {
		const strict = createStatusPoller({
			store: opened.store,
			write: replicatedWriter(opened.store, createPokeHub()),
			outbound: createOutboundPolicy({ allowLoopback: false }),
			log: () => {}
		});
		const served = sim.calls();
		expect(await strict.pollAll()).toBe(0);
		expect(sim.calls()).toBe(served);
	});
});
