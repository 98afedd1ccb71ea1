// What every simulator's control surface (for tests and the demo, never reachable over HTTP) offers
// alike: faults injected for the next matching requests, the calls served, and for the PSAs the
// records a person would seed, change, make again, merge or delete in the product's own screens.

import type { FaultQueue, FaultTarget } from './fault-queue.ts';

export type FaultControl<F> = {
	inject(...faults: (F & FaultTarget)[]): void;
	pendingFaults(): number;
	clearFaults(): void;
};

export function faultControl<F>(faults: FaultQueue<F>): FaultControl<F> {
	return {
		inject: (...specs) => specs.forEach((spec) => faults.add(spec)),
		pendingFaults: () => faults.pending(),
		clearFaults: () => faults.clear()
	};
}

export type CallControl = {
	/** Calls served, by endpoint: `{ 'GET /Client': 3 }`. Faulted requests count too. */
	calls(): Record<string, number>;
	callCount(endpoint: string): number;
	totalCalls(): number;
	resetCalls(): void;
};

export type CallUsage = { calls(): Record<string, number>; total(): number; reset(): void };

export function callControl(usage: CallUsage): CallControl {
	return {
		calls: () => usage.calls(),
		callCount: (endpoint) => usage.calls()[endpoint] ?? 0,
		totalCalls: () => usage.total(),
		resetCalls: () => usage.reset()
	};
}

export type SimRecord = { id: number; [field: string]: unknown };

/** A PSA simulator's records, by entity (Autotask's `Companies`, ConnectWise's `companies`, …). */
export type RecordState<N> = {
	insert(entity: N, fields: Record<string, unknown>): SimRecord;
	get(entity: N, id: number): SimRecord | undefined;
	list(entity: N): SimRecord[];
	put(entity: N, record: SimRecord): void;
	delete(entity: N, id: number): boolean;
};

export type RecordControl<N> = {
	/** Stores records as given (no business rules); answers their ids in order. */
	seed(entity: N, records: Record<string, unknown>[]): number[];
	record(entity: N, id: number): SimRecord | undefined;
	records(entity: N): SimRecord[];
	/** Changes stored fields, as a user editing in the PSA would. */
	patch(entity: N, id: number, fields: Record<string, unknown>): void;
	/** Made again in the PSA after a delete: the same fields under a new id; answers the new id. */
	recreate(entity: N, id: number): number;
	/** Two records merged in the PSA: `from` is folded into `into` and gone (404 by id); `into` stays. */
	merge(entity: N, from: number, into: number): void;
	/** Deleted in the PSA: gone from lists, 404 by id. */
	remove(entity: N, id: number): void;
};

/** The record `id`, or an error naming it (a test asked for a record the simulator never had). */
export function existingRecord<N>(state: RecordState<N>, entity: N, id: number): SimRecord {
	const record = state.get(entity, id);
	if (!record) throw new Error(`The simulator has no ${String(entity)} ${id}.`);
	return record;
}

/**
 * `edited` answers the fields a person's edit stamps on a record (ConnectWise's `_info`): under the
 * fields a seeded record brings, over a patch's.
 */
export function recordControl<N>(
	state: RecordState<N>,
	edited: () => Record<string, unknown> = () => ({})
): RecordControl<N> {
	const existing = (entity: N, id: number) => existingRecord(state, entity, id);
	return {
		seed: (entity, records) => records.map((r) => state.insert(entity, { ...edited(), ...r }).id),
		record: (entity, id) => state.get(entity, id),
		records: (entity) => state.list(entity),
		patch(entity, id, fields) {
			state.put(entity, { ...existing(entity, id), ...fields, id, ...edited() });
		},
		remove(entity, id) {
			existing(entity, id);
			state.delete(entity, id);
		},
		recreate(entity, id) {
			const { id: _old, ...fields } = existing(entity, id);
			state.delete(entity, id);
			return state.insert(entity, fields).id;
		},
		merge(entity, from, into) {
			existing(entity, into);
			existing(entity, from);
			state.delete(entity, from);
		}
	};
}

/** A PSA simulator's control: its records, its faults, its calls. */
export type PsaControl<N, F> = RecordControl<N> & FaultControl<F> & CallControl;

export function psaControl<N, F>(parts: {
	state: RecordState<N>;
	faults: FaultQueue<F>;
	usage: CallUsage;
	/** See recordControl. */
	edited?: () => Record<string, unknown>;
}): PsaControl<N, F> {
	return { ...recordControl(parts.state, parts.edited), ...faultControl(parts.faults), ...callControl(parts.usage) };
}
