// The health monitor on each store: a spent budget opens an incident that calls succeeding close;
// Outpost's own errors open one that a quiet window closes; closed incidents past retention go.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replicatedWriter } from '../jobs/replicated-write.ts';
import { readEntities } from '../store/entity-reader.ts';
import { createPokeHub } from '../sync/poke-hub.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { DEFAULT_THRESHOLDS } from './health-rule.ts';
import { createHealthMonitor, type HealthMonitor } from './health-monitor.ts';

const ORG = 'org-health';
const DAY = 24 * 60 * 60_000;

describe.each(STORE_KINDS)('the health monitor on $name', (kind) => {
	let opened: TestStore;
	let monitor: HealthMonitor;
	const clock = { t: Date.UTC(2026, 11, 6, 9), now: () => clock.t };
	const incidents = () => readEntities(opened.store.db, ORG, 'incidents');

	beforeAll(async () => {
		opened = await kind.open();
		await opened.store.db
			.insertInto('orgs')
			.values({ id: ORG, name: 'Health MSP', version: 0, next_quote_number: 1 })
			.execute();
		const write = replicatedWriter(opened.store, createPokeHub());
		monitor = createHealthMonitor({ store: opened.store, write, clock, retentionMs: 90 * DAY });
	});
	afterAll(async () => {
		await opened?.close();
	});

	it('opens one budget incident however often the budget stops a job, and closes it when calls succeed', async () => {
		await monitor.budgetExhausted(ORG, 'autotask', 12 * 60_000);
		await monitor.budgetExhausted(ORG, 'autotask', 11 * 60_000);
		expect(await incidents()).toMatchObject([
			{
				system: 'autotask',
				kind: 'budget',
				title: 'Autotask’s hourly request budget is spent',
				cause: 'Outpost stopped calling to stay inside the hourly limit; calls resume in about 12 min.',
				endedAt: null
			}
		]);
		clock.t += 12 * 60_000;
		await monitor.record(ORG, 'autotask', 'ok');
		await monitor.record(ORG, 'autotask', 'ok');
		expect((await incidents())[0]!.endedAt).toBe(clock.t);
	});

	it('opens an Outpost incident on its own errors and closes it once a window passes without one', async () => {
		for (let i = 0; i < 5; i++) await monitor.record(ORG, 'outpost', 'server_error');
		const open = (await incidents()).filter((i) => i.system === 'outpost');
		expect(open).toMatchObject([{ kind: 'errors', endedAt: null, affects: expect.arrayContaining(['quotes']) }]);
		await monitor.sweep();
		expect((await incidents()).find((i) => i.system === 'outpost')!.endedAt).toBeNull();
		clock.t += DEFAULT_THRESHOLDS.windowMs + 1;
		await monitor.sweep();
		expect((await incidents()).find((i) => i.system === 'outpost')!.endedAt).toBe(clock.t);
	});

	it('forgets closed incidents after the retention period', async () => {
		clock.t += 91 * DAY;
		await monitor.sweep();
		expect(await incidents()).toEqual([]);
	});
});
