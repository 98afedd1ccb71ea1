import { describe, expect, it } from 'vitest';
import {
	connectionStatus,
	importCostText,
	lastSyncText,
	pollCostShare,
	pollCostText,
	readableSummary,
	usageShare,
	usageText
} from './integration-status.ts';
import { buildIntegration } from './psa-builders.ts';

describe('usageText', () => {
	it('says how much of the hourly budget was used', () => {
		expect(usageText({ lastHour: 1234, hourlyLimit: 10_000, at: 0 })).toBe('1,234 of 10,000 requests in the last hour');
		expect(usageText({ lastHour: 1, hourlyLimit: 10_000, at: 0 })).toBe('1 of 10,000 requests in the last hour');
		expect(usageText({ lastHour: 56, hourlyLimit: null, at: 0 })).toBe('56 requests in the last hour');
		expect(usageText({ lastHour: 1, hourlyLimit: null, at: 0 })).toBe('1 request in the last hour');
	});

	it('gives the share for a meter, capped at the whole budget', () => {
		expect(usageShare({ lastHour: 2_500, hourlyLimit: 10_000, at: 0 })).toBe(0.25);
		expect(usageShare({ lastHour: 12_000, hourlyLimit: 10_000, at: 0 })).toBe(1);
		expect(usageShare({ lastHour: 5, hourlyLimit: null, at: 0 })).toBeNull();
	});
});

describe('pollCostText', () => {
	it('rounds the cost up', () => {
		expect(pollCostText(120)).toBe('about 120 requests per hour');
		expect(pollCostText(0.4)).toBe('about 1 request per hour');
		expect(pollCostText(1_500.2)).toBe('about 1,501 requests per hour');
	});

	it('puts the cost against the hourly limit', () => {
		expect(pollCostShare(buildIntegration({ pollRequestsPerHour: 1_200 }))).toBe('12% of the 10,000 hourly limit');
		expect(pollCostShare(buildIntegration({ pollRequestsPerHour: 20 }))).toBe('under 1% of the 10,000 hourly limit');
		expect(pollCostShare(buildIntegration({ pollRequestsPerHour: 0 }))).toBeNull();
	});
});

describe('connectionStatus', () => {
	it('reads the integration’s state', () => {
		expect(connectionStatus(null)).toEqual({ label: 'Not set up', tone: 'neutral' });
		expect(connectionStatus(buildIntegration({ configured: false }))).toEqual({ label: 'Not set up', tone: 'neutral' });
		expect(connectionStatus(buildIntegration()).label).toBe('Connected');
		const failed = buildIntegration({ connection: { state: 'failed', message: 'x', checkedAt: 1 } });
		expect(connectionStatus(failed)).toEqual({ label: 'Connection failed', tone: 'bad' });
		const untested = buildIntegration({ connection: { state: 'untested', message: '', checkedAt: null } });
		expect(connectionStatus(untested).tone).toBe('warn');
	});
});

describe('connectionStatus after a synchronization', () => {
	it('says Connected when a Synchronize succeeded, though the connection was never tested', () => {
		const synced = buildIntegration({
			connection: { state: 'untested', message: '', checkedAt: null },
			lastSync: { at: 1, ok: true, summary: '' }
		});
		expect(connectionStatus(synced)).toEqual({ label: 'Connected', tone: 'ok' });
	});

	it('still says Not tested yet when the only synchronization failed', () => {
		const failed = buildIntegration({
			connection: { state: 'untested', message: '', checkedAt: null },
			lastSync: { at: 1, ok: false, summary: 'x' }
		});
		expect(connectionStatus(failed).label).toBe('Not tested yet');
	});
});

describe('lastSyncText', () => {
	it('says how long ago the last synchronization succeeded', () => {
		expect(lastSyncText({ at: 0, ok: true, summary: '' }, 5 * 60_000)).toBe('Last synchronized 5 min ago');
	});

	it('says when the last synchronization failed', () => {
		expect(lastSyncText({ at: 0, ok: false, summary: '' }, 2 * 3_600_000)).toBe('Last synchronization failed 2 h ago');
	});

	it('says never when there was none', () => {
		expect(lastSyncText(null, 0)).toBe('Never synchronized');
	});
});

describe('readableSummary', () => {
	it("puts the PSA's API names in words", () => {
		expect(readableSummary('Autotask: 7 companyTypes, 5 opportunityStatuses, 13 billingCodes; users 5 linked')).toBe(
			'Autotask: 7 company types, 5 opportunity statuses, 13 billing codes; users 5 linked'
		);
	});
});

describe('importCostText', () => {
	it('says what the ticket-charge import costs against the hourly limit, once it ran', () => {
		expect(importCostText(buildIntegration({ importRequestsPerHour: 8 }))).toBe(
			'about 8 requests per hour, under 1% of the 10,000 hourly limit'
		);
		expect(importCostText(buildIntegration({}))).toBeNull();
	});
});
