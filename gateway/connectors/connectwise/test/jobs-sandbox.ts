// For tests: the ConnectWise simulator and the job runner on one fake clock, the runner connected to
// the simulator with a sales rep as the default, on a store of the given kind.

import { fakeClock, startJobsHarness, type JobsHarness } from '../../../psa/test/jobs-harness.ts';
import type { TestStoreKind } from '../../../test/stores.ts';
import { buildMember } from '../simulator/seed-builders.ts';
import { connectwiseSpec } from '../spec.ts';
import { startSandbox, type Sandbox } from './client-sandbox.ts';

export type JobsSandbox = { cw: Sandbox; jobs: JobsHarness; close(): Promise<void> };

export async function startJobsSandbox(kind: TestStoreKind): Promise<JobsSandbox> {
	const time = fakeClock();
	const cw = await startSandbox({ simulator: { clock: time.clock, sleep: time.sleep } });
	const [salesRep] = cw.control.seed('members', [buildMember({ identifier: 'rep', officeEmail: 'rep@msp.test' })]);
	const jobs = await startJobsHarness(kind, {
		provider: 'connectwise',
		spec: connectwiseSpec,
		credentials: cw.credentials,
		settings: { defaultSalesRepId: salesRep, catalogSubcategoryId: 1, catalogTypeId: 1 },
		time
	});
	return {
		cw,
		jobs,
		async close() {
			await jobs.close();
			await cw.close();
		}
	};
}
