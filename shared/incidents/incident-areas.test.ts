import { describe, expect, it } from 'vitest';
import { systemAreas } from './incident-areas.ts';

describe('systemAreas', () => {
	it('puts a PSA outage on quotes, procurement, companies and sync', () => {
		expect(systemAreas('autotask')).toEqual(['quotes', 'procurement', 'companies', 'sync']);
	});
	it('puts a distributor outage on procurement and the catalog only', () => {
		expect(systemAreas('tdsynnex')).toEqual(['procurement', 'catalog']);
	});
	it('puts an Outpost outage everywhere', () => {
		expect(systemAreas('outpost')).toEqual(['quotes', 'procurement', 'catalog', 'companies', 'sync', 'admin']);
	});
});
