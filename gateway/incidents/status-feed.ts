// A vendor's own status page, in Atlassian Statuspage's public JSON (`/api/v2/summary.json`, or
// `/api/v2/status.json` with the indicator alone), and what it means for the vendor incident Outpost
// keeps for that system. Pure: the fetched JSON and the open incident in, a decision out.

import { z } from 'zod';

const text = z.string().max(2_000);

/** Only the fields Outpost reads; everything else a page sends is ignored. */
export const statusFeedSchema = z.object({
	status: z.object({ indicator: z.string().max(40), description: text.default('') }),
	incidents: z
		.array(z.object({ name: text, status: z.string().max(40), impact: z.string().max(40).optional() }))
		.max(500)
		.optional(),
	scheduled_maintenances: z
		.array(z.object({ name: text, status: z.string().max(40), scheduled_until: z.string().max(60).nullish() }))
		.max(500)
		.optional()
});
export type StatusFeed = z.infer<typeof statusFeedSchema>;

export type VendorState = { down: false } | { down: true; kind: 'maintenance' | 'outage'; cause: string };

/** What the page says now: a maintenance in progress, an outage (any indicator but none), or all well. */
export function readStatusFeed(feed: StatusFeed): VendorState {
	const maintenance = feed.scheduled_maintenances?.find((m) => m.status === 'in_progress' || m.status === 'verifying');
	if (maintenance) {
		const until = maintenance.scheduled_until ? ` (until ${maintenance.scheduled_until})` : '';
		return { down: true, kind: 'maintenance', cause: `Status page: ${maintenance.name}${until}.` };
	}
	const indicator = feed.status.indicator;
	if (indicator === 'maintenance') {
		return { down: true, kind: 'maintenance', cause: `Status page: ${feed.status.description}.` };
	}
	if (indicator === 'none') return { down: false };
	const open = (feed.incidents ?? []).filter((i) => i.status !== 'resolved' && i.status !== 'postmortem');
	const names = open.map((i) => i.name).join('; ');
	return {
		down: true,
		kind: 'outage',
		cause: `Status page (${indicator}): ${feed.status.description}${names ? ` — ${names}` : ''}.`
	};
}

export type VendorDecision =
	| { action: 'none' }
	| { action: 'open'; kind: 'maintenance' | 'outage'; cause: string }
	| { action: 'update'; kind: 'maintenance' | 'outage'; cause: string }
	| { action: 'close' };

/** `open`: the vendor incident open for the system now, or null. */
export function decideVendor(state: VendorState, open: { kind: string; cause: string } | null): VendorDecision {
	if (!state.down) return open ? { action: 'close' } : { action: 'none' };
	if (!open) return { action: 'open', kind: state.kind, cause: state.cause };
	if (open.kind === state.kind && open.cause === state.cause) return { action: 'none' };
	return { action: 'update', kind: state.kind, cause: state.cause };
}
