import { describe, expect, it } from 'vitest';
import { connectionStatus, pollCostShare, pollCostText, usageShare, usageText } from './integration-status.ts';
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
