import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/schema/incident-entities.ts';
import { areaOfPath, incidentsForBanner } from './incident-banner.ts';

const incident = (overrides: Partial<Incident>): Incident => ({
	id: 'i-1',
	system: 'autotask',
	source: 'measured',
	kind: 'auth',
	title: 'Autotask refuses Outpost’s credentials',
	cause: '3 calls in a row were refused.',
	affects: ['quotes', 'procurement', 'companies', 'sync'],
	startedAt: 100,
	endedAt: null,
	updatedAt: 100,
	reportedBy: null,
	...overrides
});

describe('areaOfPath', () => {
	it('puts each screen in its area, the PSA admin screens in sync', () => {
		expect(areaOfPath('/quotes/q-1')).toBe('quotes');
		expect(areaOfPath('/procurement')).toBe('procurement');
		expect(areaOfPath('/admin/integrations/autotask')).toBe('sync');
		expect(areaOfPath('/admin/users')).toBe('admin');
		expect(areaOfPath('/quotesx')).toBeNull();
		expect(areaOfPath('/')).toBeNull();
	});
});

describe('incidentsForBanner', () => {
	it('shows an open Autotask incident on quote pages and procurement, oldest first', () => {
		const later = incident({ id: 'i-2', startedAt: 200, source: 'vendor' });
		const open = [later, incident({})];
		expect(incidentsForBanner(open, '/quotes/q-1', new Set()).map((i) => i.id)).toEqual(['i-1', 'i-2']);
		expect(incidentsForBanner(open, '/procurement', new Set()).map((i) => i.id)).toEqual(['i-1', 'i-2']);
	});

	it('leaves out what the screen is not about, closed incidents, reports and dismissed ones', () => {
		expect(incidentsForBanner([incident({})], '/catalog', new Set())).toEqual([]);
		expect(incidentsForBanner([incident({ endedAt: 300 })], '/quotes', new Set())).toEqual([]);
		expect(incidentsForBanner([incident({ source: 'report' })], '/quotes', new Set())).toEqual([]);
		expect(incidentsForBanner([incident({})], '/quotes', new Set(['i-1']))).toEqual([]);
	});
});
