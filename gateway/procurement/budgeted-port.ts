// A distributor's ordering port for one organisation with every request through the outbound policy
// and the distributor's rate budget (the one the job runner and the marketplace share): the order jobs
// and the order webhooks open it the same way.

import type { DistributorName } from '../../shared/schema/distributor-entities.ts';
import { outboundFetch } from '../connectors/common/outbound-fetch.ts';
import type { OutboundPolicy } from '../connectors/common/outbound-policy.ts';
import { budgetedFetch } from '../jobs/budgeted-fetch.ts';
import type { RateBudget } from '../jobs/rate-budget.ts';
import { DISTRIBUTOR_BUDGETS, openOrderPort, type PortDeps } from './distributor-ports.ts';

export type BudgetedPortDeps = PortDeps & { budget: RateBudget; outbound: OutboundPolicy; fetch: typeof fetch };

export const budgetKeyOfDistributor = (orgId: string, distributor: string) => `${orgId}|${distributor}`;

export function openBudgetedPort(deps: BudgetedPortDeps, orgId: string, distributor: DistributorName) {
	const budget = DISTRIBUTOR_BUDGETS[distributor];
	const fetch = outboundFetch(
		deps.outbound,
		budgetedFetch({
			budget: deps.budget,
			key: budgetKeyOfDistributor(orgId, distributor),
			limits: budget.limits,
			endpointOf: budget.endpointOf,
			fetch: deps.fetch,
			sleep: deps.sleep
		})
	);
	return openOrderPort(deps, orgId, distributor, fetch);
}
