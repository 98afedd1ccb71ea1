// Opportunity changes from Autotask without webhooks (seeds): one query per poll for what changed
// since the watermark (lastActivity), so the cost is one request per interval when nothing did.

import { gte } from '../client/filter.ts';
import { dateTimeToMillis } from '../client/mapping/money.ts';
import { opportunityFromAutotask } from '../client/mapping/opportunity.ts';
import { psaOk, type ChangedOpportunity, type PsaResult, type SyncContext } from '../../../psa/provider.ts';
import { toPsaFailure } from '../failure.ts';
import type { AutotaskRun } from './run.ts';

export async function pollOpportunities(
	ctx: SyncContext,
	run: AutotaskRun,
	since: number | null
): Promise<PsaResult<{ changed: ChangedOpportunity[]; watermark: number }>> {
	const watermarkFrom = since ?? ctx.now();
	const changed = await run.client.queryAll('Opportunities', {
		filter: [gte('lastActivity', new Date(watermarkFrom).toISOString())]
	});
	if (!changed.ok) return toPsaFailure(changed);
	// A poll that finds nothing costs its one query and no more.
	if (changed.value.length === 0) return psaOk({ changed: [], watermark: watermarkFrom });
	const [statuses, stages] = [await run.picklist('opportunityStatuses'), await run.picklist('opportunityStages')];
	if (!statuses.ok) return statuses;
	if (!stages.ok) return stages;
	let newest = watermarkFrom - 1;
	const out: ChangedOpportunity[] = [];
	for (const record of changed.value) {
		const polled = opportunityFromAutotask(record, { status: statuses.value, stage: stages.value });
		newest = Math.max(newest, dateTimeToMillis(record.lastActivity) ?? newest);
		const quoteId = await ctx.links.localOf('opportunities', String(record.id));
		const companyId = record.companyID ? await ctx.links.localOf('companies', String(record.companyID)) : null;
		out.push({
			externalId: String(polled.externalId),
			quoteId,
			companyId,
			title: polled.title,
			status: polled.status ?? '',
			stage: polled.stage ?? '',
			amount: polled.amountCents,
			lastActivityAt: polled.lastActivityAt ?? watermarkFrom
		});
	}
	// The next poll starts just after the newest change seen, so none is fetched twice.
	return psaOk({ changed: out, watermark: newest + 1 });
}
