// Random actions for the sync convergence property, as plain data fast-check can shrink: a device
// mutates, syncs, or suffers a network fault; two devices make a conflict; the gateway restarts.
// A mutation names its targets by index into the rows the device sees when it runs
// (resolve-mutation.ts), so it stays meaningful however the run went.

import fc from 'fast-check';
import { QUOTE_STATUSES, type QuoteStatus } from '../shared/schema/entities.ts';
import type { Fault } from './fault-fetch.ts';

export type MutationOp =
	| { name: 'createQuote'; company: number; title: string; reuse: number | null }
	| { name: 'updateQuote'; quote: number; fields: QuoteFields }
	/** Moves a quote one step along the status flow an editor controls (draft, sent, back to draft). */
	| { name: 'advanceQuote'; quote: number; choice: number }
	/** The customer (or an admin) accepts, signing with a name, or declines. */
	| { name: 'answerQuote'; quote: number; accept: boolean; signer: string }
	| {
			name: 'addQuoteLine';
			quote: number;
			description: string;
			quantity: number;
			unitPrice: number;
			/** Takes the position of the line at this index (a tie), or goes last when null. */
			position: number | null;
			reuse: number | null;
	  }
	| { name: 'updateQuoteLine'; line: number; fields: LineFields }
	| { name: 'removeQuoteLine'; line: number };

export type QuoteFields = {
	title?: string;
	notes?: string;
	validUntil?: string | null;
	status?: QuoteStatus;
	company?: number;
};
/** `position` picks a line whose position this one takes: positions are copied, never invented. */
export type LineFields = { description?: string; quantity?: number; unitPrice?: number; position?: number };

export type Action =
	/** `duringSync`: the mutation is written while the device's sync is under way. */
	| { kind: 'mutate'; device: number; op: MutationOp; duringSync: boolean }
	| { kind: 'settle'; device: number }
	/** Every device syncs: at the same time in a concurrent run, one after the other otherwise. */
	| { kind: 'settleAll' }
	| { kind: 'fault'; device: number; fault: Fault }
	/**
	 * A conflict the gateway must refuse: the first device accepts a quote (or removes a line) and
	 * syncs; the second, which has not pulled since, then edits it.
	 */
	| { kind: 'conflict'; first: number; second: number; target: 'quote' | 'line'; pick: number }
	| { kind: 'restart' };

const text = fc.string({ maxLength: 12 });
const quantity = fc.oneof(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1_000, noNaN: true }));
const unitPrice = fc.integer({ min: -1_000_000, max: 1_000_000 });
/** Half the time one of the first few rows, so devices often work on the same quotes and lines. */
const pick = fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 1_000 }));
/** Now and then an id another device already used: the gateway must refuse it (id_taken). */
const reuse = fc.oneof({ arbitrary: fc.constant(null), weight: 7 }, { arbitrary: pick, weight: 1 });

const mutationOp: fc.Arbitrary<MutationOp> = fc.oneof(
	{ arbitrary: fc.record({ name: fc.constant('createQuote'), company: pick, title: text, reuse }), weight: 2 },
	{
		arbitrary: fc.record({
			name: fc.constant('updateQuote'),
			quote: pick,
			fields: fc.record(
				{
					title: text,
					notes: text,
					validUntil: fc.constantFrom(null, '2027-01-31', '2027-06-30'),
					status: fc.constantFrom(...QUOTE_STATUSES),
					company: pick
				},
				{ requiredKeys: [] }
			)
		}),
		weight: 3
	},
	{ arbitrary: fc.record({ name: fc.constant('advanceQuote'), quote: pick, choice: fc.nat({ max: 5 }) }), weight: 2 },
	{
		arbitrary: fc.record({
			name: fc.constant('answerQuote'),
			quote: pick,
			accept: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
			signer: fc.constantFrom('Carla Customer', 'C. Customer')
		}),
		weight: 2
	},
	{
		arbitrary: fc.record({
			name: fc.constant('addQuoteLine'),
			quote: pick,
			description: text,
			quantity,
			unitPrice,
			position: fc.option(pick, { freq: 4 }),
			reuse
		}),
		weight: 3
	},
	{
		arbitrary: fc.record({
			name: fc.constant('updateQuoteLine'),
			line: pick,
			fields: fc.record({ description: text, quantity, unitPrice, position: pick }, { requiredKeys: [] })
		}),
		weight: 2
	},
	{ arbitrary: fc.record({ name: fc.constant('removeQuoteLine'), line: pick }), weight: 2 }
);

const on = fc.constantFrom('push' as const, 'pull' as const);
export const faultArb: fc.Arbitrary<Fault> = fc.oneof(
	{ arbitrary: fc.record({ kind: fc.constant('dropRequest'), on }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant('dropResponse'), on }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant('busy'), on }), weight: 1 },
	{ arbitrary: fc.record({ kind: fc.constant('crashAfter'), on }), weight: 1 },
	{ arbitrary: fc.record({ kind: fc.constant('duplicatePush'), concurrent: fc.boolean() }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant('reorderPush'), split: fc.nat({ max: 10 }) }), weight: 3 },
	{ arbitrary: fc.record({ kind: fc.constant('delayPush') }), weight: 2 },
	{
		arbitrary: fc.record({ kind: fc.constant('stalePull'), age: fc.nat({ max: 3 }), after: fc.nat({ max: 3 }) }),
		weight: 2
	}
);

const duringSync = fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 });

/**
 * `device` indexes wrap around the devices of the run; a mutation goes to one that may make it
 * (quote editors edit, the customer and the admin answer).
 */
export function actionArb(devices: number): fc.Arbitrary<Action> {
	const device = fc.nat({ max: devices - 1 });
	return fc.oneof(
		{ arbitrary: fc.record({ kind: fc.constant('mutate'), device, op: mutationOp, duringSync }), weight: 10 },
		{ arbitrary: fc.record({ kind: fc.constant('settle'), device }), weight: 3 },
		{ arbitrary: fc.constant({ kind: 'settleAll' as const }), weight: 1 },
		{ arbitrary: fc.record({ kind: fc.constant('fault'), device, fault: faultArb }), weight: 3 },
		{
			arbitrary: fc.record({
				kind: fc.constant('conflict'),
				first: device,
				second: device,
				target: fc.constantFrom('quote' as const, 'line' as const),
				pick
			}),
			weight: 1
		},
		{ arbitrary: fc.constant({ kind: 'restart' as const }), weight: 1 }
	);
}
