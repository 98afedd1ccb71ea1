// Building blocks of fixed convergence scenarios, and the one that meets every fault: each kind of
// network fault, gateway restarts (one of them mid-request), each kind of rejection and an ACL reset.

import { expect } from 'vitest';
import { ADMIN, BUYER, CUSTOMER, SALES, type Scenario } from './convergence-scenario.ts';
import type { World } from './convergence-world.ts';
import type { Fault } from './fault-fetch.ts';
import type { Action, MutationOp } from './random-mutations.ts';

export const mutate = (device: number, op: MutationOp, duringSync = false): Action => ({
	kind: 'mutate',
	device,
	op,
	duringSync
});
export const fault = (device: number, f: Fault): Action => ({ kind: 'fault', device, fault: f });
export const settle = (device: number): Action => ({ kind: 'settle', device });
export const line = { description: 'Switch', quantity: 2, unitPrice: 45_000, position: null, reuse: null };

/** Devices 0-2 are sales, buyer and admin; 3 the Acme customer, who only watches. */
export const EVERY_FAULT: Scenario = {
	users: [SALES, BUYER, ADMIN, CUSTOMER],
	pullPageSize: 4,
	concurrent: false,
	actions: [
		mutate(0, { name: 'createQuote', company: 0, title: 'Branch office', reuse: null }),
		mutate(0, { name: 'addQuoteLine', quote: 0, ...line }),
		mutate(0, { name: 'addQuoteLine', quote: 0, ...line }),
		fault(0, { kind: 'reorderPush', split: 0 }),
		settle(0),
		fault(1, { kind: 'delayPush' }),
		mutate(1, { name: 'updateQuote', quote: 2, fields: { notes: 'Held back' } }),
		settle(1),
		mutate(1, { name: 'updateQuoteLine', line: 0, fields: { quantity: 3 } }),
		settle(1),
		fault(0, { kind: 'dropResponse', on: 'push' }),
		fault(0, { kind: 'dropResponse', on: 'pull' }),
		mutate(0, { name: 'updateQuoteLine', line: 1, fields: { unitPrice: 9_000 } }, true),
		settle(0),
		fault(1, { kind: 'duplicatePush', concurrent: true }),
		mutate(1, { name: 'addQuoteLine', quote: 3, ...line }),
		settle(1),
		fault(2, { kind: 'duplicatePush', concurrent: false }),
		fault(2, { kind: 'dropRequest', on: 'pull' }),
		fault(2, { kind: 'busy', on: 'push' }),
		// A draft (only a draft is edited): the Acme firewall quote, first on the admin's device.
		mutate(2, { name: 'updateQuote', quote: 0, fields: { title: 'Renamed by admin' } }),
		settle(2),
		{ kind: 'restart' },
		fault(1, { kind: 'crashAfter', on: 'push' }),
		// A draft: the Stark security quote, sixth on the buyer's device by now.
		mutate(1, { name: 'updateQuote', quote: 5, fields: { notes: 'Sent as the gateway went down' } }),
		settle(1),
		fault(0, { kind: 'stalePull', age: 2, after: 0 }),
		settle(0),
		{ kind: 'conflict', first: 0, second: 0, target: 'quote', pick: 0 },
		{ kind: 'conflict', first: 1, second: 0, target: 'line', pick: 3 },
		// Moves an Acme draft (the firewall quote) to another company: the customer's view is reset.
		mutate(2, { name: 'updateQuote', quote: 1, fields: { company: 1 } }),
		{ kind: 'settleAll' }
	]
};

/** What a run of EVERY_FAULT must have met on its way. */
export function expectEveryFaultMet(world: World): void {
	const consumed = world.devices.map((d) => d.network.consumed);
	const kinds = [
		'dropRequest',
		'dropResponse',
		'busy',
		'crashAfter',
		'duplicatePush',
		'reorderPush',
		'delayPush',
		'stalePull'
	];
	for (const fault of kinds) {
		expect(
			consumed.some((c) => (c[fault as keyof typeof c] ?? 0) > 0),
			fault
		).toBe(true);
	}
	expect(world.stats.gapsRefused).toBeGreaterThan(0);
	expect(world.restarts).toBe(3); // the one after the first sync, the restart action, the crash
	expect(Object.keys(world.stats.rejected).sort()).toEqual(['quote_line_not_found', 'quote_read_only']);
	const customer = world.devices.find((d) => d.device.principal.kind === 'customer')!;
	expect(customer.seen.cookie?.acl).toBeGreaterThan(1);
}
