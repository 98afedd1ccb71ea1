// For gateway tests: PSA state the demo seed has none of (an integration, sync issues), written into
// the demo organisation as the job runner writes it, so it replicates like any other row.

import type { Provider } from '../../shared/psa/providers.ts';
import { defaultIntegration, issueId, type Issue } from '../../shared/schema/psa-entities.ts';
import type { Tx } from '../../shared/sync/tx.ts';
import { DEMO_ORG } from '../demo/demo-data.ts';
import { replicatedWriter } from '../jobs/replicated-write.ts';
import type { Gateway } from './http-harness.ts';
import { uid } from './wire-client.ts';

/** No one listens for pokes in these tests; a pull finds the rows. */
const writeDemo = <T>(gw: Pick<Gateway, 'store'>, fn: (tx: Tx) => Promise<T>) =>
	replicatedWriter(gw.store, { poke: () => {} })(DEMO_ORG.id, fn);

export async function putIntegration(
	gw: Pick<Gateway, 'store'>,
	provider: Provider,
	options: { configured: boolean }
): Promise<void> {
	await writeDemo(gw, (tx) => tx.put('integrations', { ...defaultIntegration(provider), ...options }));
}

export async function deleteIntegration(gw: Pick<Gateway, 'store'>, provider: Provider): Promise<void> {
	await writeDemo(gw, (tx) => tx.delete('integrations', provider));
}

/** An open issue of a failed quote sync (a fresh quote id unless given). */
export async function openIssue(gw: Pick<Gateway, 'store'>, overrides: Partial<Issue> = {}): Promise<Issue> {
	const entityId = overrides.entityId ?? uid('quote');
	const issue: Issue = {
		id: issueId(overrides.provider ?? 'autotask', overrides.operation ?? 'syncQuote', entityId),
		provider: 'autotask',
		operation: 'syncQuote',
		entityTable: 'quotes',
		entityId,
		entityLabel: `Quote ${entityId} · Acme Corporation`,
		severity: 'error',
		message: 'BillingCode does not exist or is invalid',
		rootCause: 'categoryBillingCode:cat-hardware',
		firstSeenAt: 0,
		lastSeenAt: 0,
		attempts: 1,
		state: 'open',
		...overrides
	};
	await writeDemo(gw, (tx) => tx.put('issues', issue));
	return issue;
}
