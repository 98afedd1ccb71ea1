import { describe, expect, it } from 'vitest';
import { decideVendor, readStatusFeed, statusFeedSchema } from './status-feed.ts';

/** A summary.json as Atlassian Statuspage serves it, cut to what matters here. */
const summary = (overrides: Record<string, unknown> = {}) =>
	statusFeedSchema.parse({
		page: {
			id: 'kctbh9vrtdwd',
			name: 'Autotask',
			url: 'https://status.autotask.example',
			updated_at: '2026-12-06T10:00:00Z'
		},
		components: [],
		status: { indicator: 'none', description: 'All Systems Operational' },
		incidents: [],
		scheduled_maintenances: [],
		...overrides
	});

describe('readStatusFeed', () => {
	it('reads all systems operational as up', () => {
		expect(readStatusFeed(summary())).toEqual({ down: false });
	});

	it('reads an indicator with unresolved incidents as an outage, naming them', () => {
		const feed = summary({
			status: { indicator: 'major', description: 'Partial System Outage' },
			incidents: [
				{ name: 'API latency in EU zones', status: 'investigating', impact: 'major' },
				{ name: 'Old one', status: 'resolved', impact: 'minor' }
			]
		});
		expect(readStatusFeed(feed)).toEqual({
			down: true,
			kind: 'outage',
			cause: 'Status page (major): Partial System Outage — API latency in EU zones.'
		});
	});

	it('reads a maintenance in progress as a maintenance window, and a scheduled one as nothing yet', () => {
		const running = summary({
			status: { indicator: 'maintenance', description: 'Service Under Maintenance' },
			scheduled_maintenances: [
				{ name: 'Database upgrade', status: 'in_progress', scheduled_until: '2026-12-06T12:00:00Z' }
			]
		});
		expect(readStatusFeed(running)).toEqual({
			down: true,
			kind: 'maintenance',
			cause: 'Status page: Database upgrade (until 2026-12-06T12:00:00Z).'
		});
		const later = summary({ scheduled_maintenances: [{ name: 'Next week', status: 'scheduled' }] });
		expect(readStatusFeed(later)).toEqual({ down: false });
	});

	it('reads status.json, which carries the indicator alone', () => {
		const feed = statusFeedSchema.parse({ status: { indicator: 'critical', description: 'Major System Outage' } });
		expect(readStatusFeed(feed)).toEqual({
			down: true,
			kind: 'outage',
			cause: 'Status page (critical): Major System Outage.'
		});
	});

	it('refuses a page without a status', () => {
		expect(statusFeedSchema.safeParse({ page: {} }).success).toBe(false);
	});
});

describe('decideVendor', () => {
	const outage = { down: true, kind: 'outage', cause: 'Status page (minor): Degraded.' } as const;
	it('opens when the page goes down and nothing is open', () => {
		expect(decideVendor(outage, null)).toEqual({ action: 'open', kind: 'outage', cause: outage.cause });
	});
	it('leaves an unchanged incident alone and updates a changed one', () => {
		expect(decideVendor(outage, { kind: 'outage', cause: outage.cause })).toEqual({ action: 'none' });
		expect(decideVendor(outage, { kind: 'maintenance', cause: 'x' })).toMatchObject({
			action: 'update',
			kind: 'outage'
		});
	});
	it('closes when the page is up again', () => {
		expect(decideVendor({ down: false }, { kind: 'outage', cause: outage.cause })).toEqual({ action: 'close' });
		expect(decideVendor({ down: false }, null)).toEqual({ action: 'none' });
	});
});
