import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/schema/incident-entities.ts';
import { affectsText, groupBySystem } from './incident-list.ts';

const DAY = 24 * 60 * 60_000;
const NOW = 100 * DAY;
const incident = (id: string, overrides: Partial<Incident>): Incident => ({
	id,
	system: 'autotask',
	source: 'measured',
	kind: 'errors',
	title: id,
	cause: '',
	affects: ['quotes'],
	startedAt: NOW - DAY,
	endedAt: null,
	updatedAt: NOW,
	reportedBy: null,
	...overrides
});

describe('groupBySystem', () => {
	it('groups per system, systems with an open incident first, open before closed, newest first', () => {
		const groups = groupBySystem(
			[
				incident('cw-old', { system: 'connectwise', startedAt: NOW - 3 * DAY, endedAt: NOW - 2 * DAY }),
				incident('at-closed', { endedAt: NOW - DAY / 2 }),
				incident('at-open', {}),
				incident('halo-open', { system: 'halopsa', startedAt: NOW - 2 * DAY }),
				incident('at-newer-closed', { endedAt: NOW - DAY / 4 })
			],
			NOW
		);
		expect(groups.map((g) => [g.label, g.open, g.incidents.map((i) => i.id)])).toEqual([
			['Autotask', 1, ['at-open', 'at-newer-closed', 'at-closed']],
			['HaloPSA', 1, ['halo-open']],
			['ConnectWise PSA', 0, ['cw-old']]
		]);
	});

	it('leaves out incidents closed before the recent window', () => {
		expect(groupBySystem([incident('old', { endedAt: NOW - 31 * DAY })], NOW)).toEqual([]);
	});
});

describe('affectsText', () => {
	it('names the areas', () => {
		expect(affectsText(['quotes', 'sync'])).toBe('Quotes, PSA sync');
	});
});
