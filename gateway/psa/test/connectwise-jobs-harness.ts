// For tests: the job runner over a real store, driving the real ConnectWise adapter against the
// simulator on loopback, on one fake clock that both sides read, with a sales rep as the default.

import { startSandbox, type Sandbox } from '../../connectors/connectwise/test/client-sandbox.ts';
import { buildMember } from '../../connectors/connectwise/simulator/seed-builders.ts';
import { connectwiseSpec } from '../../connectors/connectwise/spec.ts';
import type { TestStoreKind } from '../../test/stores.ts';
import { fakeClock, startJobsHarness, type JobsHarness } from './jobs-harness.ts';

export type ConnectwiseJobs = JobsHarness & { sandbox: Sandbox };

export async function startConnectwiseJobs(kind: TestStoreKind): Promise<ConnectwiseJobs> {
	const time = fakeClock();
	const sandbox = await startSandbox({ simulator: { clock: time.clock, sleep: time.sleep } });
	const [salesRep] = sandbox.control.seed('members', [buildMember({ identifier: 'rep', officeEmail: 'rep@msp.test' })]);
	const jobs = await startJobsHarness(kind, {
		provider: 'connectwise',
		spec: connectwiseSpec,
		credentials: sandbox.credentials,
		settings: { defaultSalesRepId: salesRep, catalogSubcategoryId: 1, catalogTypeId: 1 },
		time
	});
	const closeJobs = jobs.close;
	return Object.assign(jobs, {
		sandbox,
		async close() {
			await closeJobs();
			await sandbox.close();
		}
	});
}
