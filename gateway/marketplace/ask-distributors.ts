// Price and availability across every distributor an organisation has connected: each is asked
// through its own client, inside its rate budget and the outbound policy, all at once; one that
// fails is reported on its own and the others still answer. The source picked per part is the
// cheapest with stock, ties going to the admin's preference order.

import {
	pickSource,
	type AvailabilityAnswer,
	type DistributorReport,
	type Offer
} from '../../shared/marketplace/availability.ts';
import {
	DISTRIBUTOR_LABELS,
	inPreferenceOrder,
	type DistributorName
} from '../../shared/schema/distributor-entities.ts';
import { OutboundRefused, outboundFetch } from '../connectors/common/outbound-fetch.ts';
import type { OutboundPolicy } from '../connectors/common/outbound-policy.ts';
import type { FetchLike } from '../connectors/common/transport-core.ts';
import { createIngramClient } from '../connectors/ingrammicro/client/client.ts';
import { openIngramCredentials } from '../connectors/ingrammicro/ordering-credentials.ts';
import { INGRAM_LIMITS } from '../connectors/ingrammicro/spec.ts';
import { createTdSynnexClient } from '../connectors/tdsynnex/client/client.ts';
import { openTdSynnexCredentials } from '../connectors/tdsynnex/ordering-credentials.ts';
import { TDSYNNEX_LIMITS, tdSynnexSpec } from '../connectors/tdsynnex/spec.ts';
import { ingramSpec } from '../connectors/ingrammicro/spec.ts';
import { BudgetExhausted, budgetedFetch } from '../jobs/budgeted-fetch.ts';
import type { CredentialVault } from '../jobs/credential-vault.ts';
import { budgetKeyOf } from '../jobs/job-runner.ts';
import type { BudgetLimits, RateBudget } from '../jobs/rate-budget.ts';
import type { Store } from '../store/store.ts';
import { readEntity } from '../store/entity-reader.ts';
import { ingramOffer, tdSynnexOffer } from './offers.ts';

export type MarketplaceDeps = {
	store: Store;
	vault: CredentialVault;
	outbound: OutboundPolicy;
	budget: RateBudget;
	now(): number;
	fetch?: FetchLike;
	sleep?: (ms: number) => Promise<void>;
	log?: (message: string, detail?: unknown) => void;
};

/** A rep is waiting: each request gets this long, and a spent budget is reported, not waited for. */
const REQUEST_TIMEOUT_MS = 15_000;

/** Ingram Micro limits per minute (its X-RateLimit headers, honoured by the client); a few in flight. */
const INGRAM_BUDGET: BudgetLimits = { hourly: INGRAM_LIMITS.perEndpointPerMinute * 60, concurrentPerEndpoint: 2 };

type Asked = { ok: true; offers: Offer[] } | { ok: false; state: 'not_configured' | 'failed'; message: string };

export async function askDistributors(
	deps: MarketplaceDeps,
	orgId: string,
	parts: readonly string[]
): Promise<AvailabilityAnswer> {
	const rows = await Promise.all([
		readEntity(deps.store.db, orgId, 'distributors', 'ingrammicro'),
		readEntity(deps.store.db, orgId, 'distributors', 'tdsynnex')
	]);
	const preference = inPreferenceOrder(rows).map((row) => row.id);
	const asked = await Promise.all(preference.map((name) => askOne(deps, orgId, name, parts)));

	const distributors: DistributorReport[] = preference.map((distributor, i) => {
		const outcome = asked[i]!;
		return outcome.ok
			? { distributor, state: 'answered', message: null }
			: { distributor, state: outcome.state, message: outcome.message };
	});
	return {
		asOf: deps.now(),
		distributors,
		parts: parts.map((part, index) => {
			const offers = asked.flatMap((outcome) => (outcome.ok ? [outcome.offers[index]!] : []));
			return { part, offers, picked: pickSource(offers, preference) };
		})
	};
}

async function askOne(
	deps: MarketplaceDeps,
	orgId: string,
	name: DistributorName,
	parts: readonly string[]
): Promise<Asked> {
	try {
		return name === 'ingrammicro' ? await askIngram(deps, orgId, parts) : await askTdSynnex(deps, orgId, parts);
	} catch (error) {
		const label = DISTRIBUTOR_LABELS[name];
		if (error instanceof OutboundRefused) return { ok: false, state: 'failed', message: error.message };
		if (error instanceof BudgetExhausted) {
			const seconds = Math.ceil(error.retryInMs / 1000);
			return { ok: false, state: 'failed', message: `${label}'s request budget is spent; try again in ${seconds} s.` };
		}
		(deps.log ?? console.error)(`Marketplace: asking ${label} failed`, error);
		return { ok: false, state: 'failed', message: `Outpost could not ask ${label} right now.` };
	}
}

function fetchFor(
	deps: MarketplaceDeps,
	orgId: string,
	name: DistributorName,
	limits: BudgetLimits,
	endpointOf: (url: URL) => string
) {
	return outboundFetch(
		deps.outbound,
		budgetedFetch({
			budget: deps.budget,
			key: budgetKeyOf(orgId, name),
			limits,
			endpointOf,
			fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
			sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
			maxWaitMs: 0
		})
	);
}

async function askIngram(deps: MarketplaceDeps, orgId: string, parts: readonly string[]): Promise<Asked> {
	const opened = await openIngramCredentials(deps.vault, orgId);
	if (!opened.ok)
		return {
			ok: false,
			state: opened.reason === 'not_configured' ? 'not_configured' : 'failed',
			message: opened.message
		};
	const client = createIngramClient({
		credentials: opened.credentials,
		fetch: fetchFor(deps, orgId, 'ingrammicro', INGRAM_BUDGET, ingramSpec.endpointOf),
		timeoutMs: REQUEST_TIMEOUT_MS,
		maxRateWaitMs: 0
	});
	const answer = await client.priceAndAvailability(parts.map((vendorPartNumber) => ({ vendorPartNumber })));
	if (!answer.ok) return { ok: false, state: 'failed', message: answer.message };
	const asOf = deps.now();
	return { ok: true, offers: answer.value.map((item) => ingramOffer(item, asOf)) };
}

async function askTdSynnex(deps: MarketplaceDeps, orgId: string, parts: readonly string[]): Promise<Asked> {
	const opened = await openTdSynnexCredentials(deps.vault, orgId);
	if (!opened.ok)
		return {
			ok: false,
			state: opened.reason === 'not_configured' ? 'not_configured' : 'failed',
			message: opened.message
		};
	const client = createTdSynnexClient({
		credentials: opened.credentials,
		fetch: fetchFor(deps, orgId, 'tdsynnex', TDSYNNEX_LIMITS, tdSynnexSpec.endpointOf),
		timeoutMs: REQUEST_TIMEOUT_MS
	});
	const answer = await client.priceAvailability(parts.map((mfgPN) => ({ mfgPN })));
	if (!answer.ok) return { ok: false, state: 'failed', message: answer.message };
	const asOf = deps.now();
	return { ok: true, offers: answer.value.map((item) => tdSynnexOffer(item, asOf)) };
}
