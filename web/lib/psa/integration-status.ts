// What the Integrations screens say about a PSA: its connection, its last synchronization, the
// request budget it has used, and what the opportunity poll costs.

import type { Integration } from '../../../shared/schema/psa-entities.ts';
import { timeAgo } from '$lib/components/describe-sync-status.ts';
import { plural } from './issue-labels.ts';

const count = new Intl.NumberFormat('en-US');

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

export function connectionStatus(integration: Integration | null | undefined): { label: string; tone: Tone } {
	if (!integration?.configured) return { label: 'Not set up', tone: 'neutral' };
	switch (integration.connection.state) {
		case 'ok':
			return { label: 'Connected', tone: 'ok' };
		case 'failed':
			return { label: 'Connection failed', tone: 'bad' };
		case 'untested':
			// A Synchronize that worked reached the PSA with these credentials: that is a connection.
			return integration.lastSync?.ok ? { label: 'Connected', tone: 'ok' } : { label: 'Not tested yet', tone: 'warn' };
	}
}

/** "Last synchronized 5 min ago", "Last synchronization failed 2 h ago", or "Never synchronized". */
export function lastSyncText(lastSync: Integration['lastSync'], now: number): string {
	if (!lastSync) return 'Never synchronized';
	const ago = timeAgo(now - lastSync.at);
	return lastSync.ok ? `Last synchronized ${ago}` : `Last synchronization failed ${ago}`;
}

/** The gateway's synchronization summary with the PSA's API names (companyTypes) in words (company types). */
export function readableSummary(summary: string): string {
	return summary.replace(/\b[a-z]+(?:[A-Z][a-z]*)+\b/g, (name) => name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`));
}

/** "1,234 of 10,000 requests in the last hour", or without "of …" where the PSA sets no limit. */
export function usageText(usage: Integration['usage']): string {
	const used = count.format(usage.lastHour);
	return usage.hourlyLimit === null
		? `${used} ${usage.lastHour === 1 ? 'request' : 'requests'} in the last hour`
		: `${used} of ${count.format(usage.hourlyLimit)} requests in the last hour`;
}

/** The share of the hourly budget used, 0 to 1; null where there is no limit. */
export function usageShare(usage: Integration['usage']): number | null {
	return usage.hourlyLimit === null ? null : Math.min(1, usage.lastHour / usage.hourlyLimit);
}

/** "about 120 requests per hour", rounded up: a cost is better overstated than hidden. */
export function pollCostText(requestsPerHour: number): string {
	return `about ${plural(Math.ceil(requestsPerHour), 'request', 'requests')} per hour`;
}

export function pollCostShare(integration: Pick<Integration, 'pollRequestsPerHour' | 'usage'>): string | null {
	const limit = integration.usage.hourlyLimit;
	if (limit === null || integration.pollRequestsPerHour <= 0) return null;
	const percent = (integration.pollRequestsPerHour / limit) * 100;
	return `${percent < 1 ? 'under 1' : Math.round(percent)}% of the ${count.format(limit)} hourly limit`;
}

/** What the ticket-charge import costs when nothing changed ("about 8 requests per hour, under 1% of …"); null before it ran. */
export function importCostText(integration: Pick<Integration, 'importRequestsPerHour' | 'usage'>): string | null {
	const perHour = integration.importRequestsPerHour ?? 0;
	if (perHour <= 0) return null;
	const share = pollCostShare({ pollRequestsPerHour: perHour, usage: integration.usage });
	return share ? `${pollCostText(perHour)}, ${share}` : pollCostText(perHour);
}
