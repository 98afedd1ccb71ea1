// Admin › Integrations › HaloPSA › Synchronize: every enabled agent, page by page (psa-apis.md §3.6:
// agents are the staff; users are customer contacts). Halo needs no lookups refreshed for quotes.

import { psaOk, type PsaResult, type Synchronized, type SyncContext } from '../../../psa/provider.ts';
import { agentToPerson } from './agents.ts';
import { startRun } from './run.ts';
import { toPsaFailure } from '../failure.ts';

export const AGENT_PAGE_SIZE = 100;

export async function synchronize(ctx: SyncContext): Promise<PsaResult<Synchronized>> {
	const started = startRun(ctx);
	if (!started.ok) return started;
	const agents = await started.value.client.listAll(
		'Agent',
		{},
		{ pageSize: AGENT_PAGE_SIZE, onPage: (done, total) => ctx.progress(done, total ?? done) }
	);
	if (!agents.ok) return toPsaFailure(agents);
	const people = agents.value.map(agentToPerson).filter((person) => person.active);
	return psaOk({ lookups: {}, people });
}
