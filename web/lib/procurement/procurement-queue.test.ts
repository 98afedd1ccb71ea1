import { describe, expect, it } from 'vitest';
import { effectiveStatus, filterByStatus, queueRows, queueSummary, statusOptions } from './procurement-queue.ts';
import { buildTicketCharge } from './test-charges.ts';

const at = (minute: number) => Date.UTC(2025, 0, 1, 9, minute);

describe('queueRows', () => {
	it('puts the charge created last in the PSA first, whatever order they were imported in', () => {
		const older = buildTicketCharge({ id: 'older', createdAt: at(5), importedAt: at(50) });
		const newer = buildTicketCharge({ id: 'newer', createdAt: at(30), importedAt: at(40) });
		expect(queueRows([older, newer], [], []).map((r) => r.id)).toEqual(['newer', 'older']);
	});

	it('breaks ties on creation by the later import, then by id, so the order never flickers', () => {
		const rows = [
			buildTicketCharge({ id: 'b', createdAt: at(1), importedAt: at(2) }),
			buildTicketCharge({ id: 'a', createdAt: at(1), importedAt: at(2) }),
			buildTicketCharge({ id: 'c', createdAt: at(1), importedAt: at(3) })
		];
		expect(queueRows(rows, [], []).map((r) => r.id)).toEqual(['c', 'a', 'b']);
	});

	it('names the linked product and company, and tells an unlinked product from one not on this device', () => {
		const rows = queueRows(
			[
				buildTicketCharge({ id: 'linked', productId: 'dock', companyId: 'acme', createdAt: at(3) }),
				buildTicketCharge({ id: 'elsewhere', productId: 'not-here', companyId: 'gone', createdAt: at(2) }),
				buildTicketCharge({ id: 'free', productId: null, companyId: null, createdAt: at(1) })
			],
			[{ id: 'dock', name: 'Dell WD19 dock' }],
			[{ id: 'acme', name: 'Acme Corporation' }]
		);
		expect(rows.map((r) => [r.id, r.productName, r.companyName])).toEqual([
			['linked', 'Dell WD19 dock', 'Acme Corporation'],
			['elsewhere', undefined, null],
			['free', null, null]
		]);
	});

	it('leaves the charges it was given in their order', () => {
		const charges = [buildTicketCharge({ createdAt: at(1) }), buildTicketCharge({ createdAt: at(2) })];
		const before = [...charges];
		queueRows(charges, [], []);
		expect(charges).toEqual(before);
	});
});

describe('statusOptions', () => {
	it('offers each label present exactly as the PSA spells it, with its count', () => {
		const charges = ['Waiting Approval', 'New', 'New', 'Approved/Posted', 'new'].map((status) =>
			buildTicketCharge({ status })
		);
		expect(statusOptions(charges)).toEqual([
			{ label: 'Approved/Posted', count: 1 },
			{ label: 'new', count: 1 },
			{ label: 'New', count: 2 },
			{ label: 'Waiting Approval', count: 1 }
		]);
	});

	it('offers a label it has never heard of, and nothing on an empty queue', () => {
		expect(statusOptions([buildTicketCharge({ status: 'Awaiting Parts (custom)' })])).toEqual([
			{ label: 'Awaiting Parts (custom)', count: 1 }
		]);
		expect(statusOptions([])).toEqual([]);
	});
});

describe('effectiveStatus and filterByStatus', () => {
	const charges = [buildTicketCharge({ status: 'New' }), buildTicketCharge({ status: 'Cancelled' })];
	const options = statusOptions(charges);

	it('keeps the chosen status while a charge carries it', () => {
		expect(effectiveStatus('Cancelled', options)).toBe('Cancelled');
		expect(filterByStatus(charges, 'Cancelled').map((c) => c.status)).toEqual(['Cancelled']);
	});

	it('falls back to every status once no charge carries the chosen one', () => {
		expect(effectiveStatus('Billed', options)).toBe('');
		expect(effectiveStatus('', options)).toBe('');
		expect(filterByStatus(charges, '')).toEqual(charges);
	});

	it('matches the label exactly, case included', () => {
		expect(filterByStatus(charges, 'new')).toEqual([]);
	});
});

describe('queueSummary', () => {
	it('counts every charge, or those shown under a status', () => {
		expect(queueSummary(1, 1, '')).toBe('1 ticket charge');
		expect(queueSummary(3, 3, '')).toBe('3 ticket charges');
		expect(queueSummary(1, 3, 'Waiting Approval')).toBe('1 of 3 ticket charges with status “Waiting Approval”');
	});
});
