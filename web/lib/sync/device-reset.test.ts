import { describe, expect, it } from 'vitest';
import { checkReset, pendingChangesFile } from './device-reset.ts';

const NOW = Date.UTC(2026, 11, 6, 22, 5);

describe('checkReset', () => {
	it('allows a reset when nothing waits to be sent', () => {
		expect(checkReset([], null)).toEqual({ ok: true });
	});

	it('refuses while a change waits to be sent, saying how many and what to do', () => {
		expect(checkReset([4], null)).toEqual({
			ok: false,
			unsent: 1,
			message:
				'1 change on this device has not reached the server yet, and a reset would lose it. Go online and let Outpost send them, or export them to a file first.'
		});
		expect(checkReset([4, 5, 6], null)).toMatchObject({ ok: false, unsent: 3 });
	});

	it('allows a reset once every waiting change was exported', () => {
		expect(checkReset([4, 5], 5)).toEqual({ ok: true });
	});

	it('refuses again when a change was made after the export', () => {
		expect(checkReset([4, 5, 6], 5)).toMatchObject({ ok: false, unsent: 1 });
	});
});

describe('pendingChangesFile', () => {
	const entries = [
		{ id: 7, name: 'updateQuote', args: { id: 'q1', title: 'Kiosk' }, timestamp: NOW - 60_000 },
		{ id: 9, name: 'addQuoteLine', args: { id: 'l1', quoteId: 'q1' }, timestamp: NOW - 30_000 }
	];

	it('holds each unsent change as the outbox has it, dated, for the account', () => {
		const file = pendingChangesFile(entries, 'sales@demo.outpost.test', NOW);
		expect(JSON.parse(file.json)).toEqual({
			kind: 'outpost-unsent-changes',
			version: 1,
			account: 'sales@demo.outpost.test',
			exportedAt: '2026-12-06T22:05:00.000Z',
			changes: [
				{ id: 7, name: 'updateQuote', args: { id: 'q1', title: 'Kiosk' }, madeAt: '2026-12-06T22:04:00.000Z' },
				{ id: 9, name: 'addQuoteLine', args: { id: 'l1', quoteId: 'q1' }, madeAt: '2026-12-06T22:04:30.000Z' }
			]
		});
		expect(file.filename).toBe('outpost-unsent-changes-sales@demo.outpost.test-20261206-2205.json');
	});

	it('covers the changes through the last one it holds', () => {
		expect(pendingChangesFile(entries, 'a@b.test', NOW).exportedThrough).toBe(9);
		expect(pendingChangesFile([], 'a@b.test', NOW).exportedThrough).toBeNull();
	});
});
