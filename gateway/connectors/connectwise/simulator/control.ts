// The simulator's control surface for tests and the demo: seed records, change, deactivate or delete
// them, inject faults, and read what was served. Never reachable over HTTP.

import type { FaultQueue, FaultSpec } from './faults.ts';
import type { SimCredentials } from './guard.ts';
import { SIM_RESOURCES, type SimResourceName } from './resources.ts';
import type { SimRecord, SimState } from './sim-state.ts';
import type { LoggedRequest, Usage } from './usage.ts';

export type ConnectwiseSimulatorControl = {
	readonly credentials: SimCredentials;
	/**
	 * Stores records as given (no rules), stamped with `_info.lastUpdated` unless they bring their own
	 * `_info`; answers their ids in order. Forecast items name their `opportunity`.
	 */
	seed(resource: SimResourceName, records: Record<string, unknown>[]): number[];
	record(resource: SimResourceName, id: number): SimRecord | undefined;
	records(resource: SimResourceName): SimRecord[];
	/** Changes stored fields, as a user editing in ConnectWise would (which moves `_info.lastUpdated`). */
	patch(resource: SimResourceName, id: number, fields: Record<string, unknown>): void;
	/** Switched off in the UI: `inactiveFlag` (companies: `deletedFlag`; opportunities: `closedFlag`). */
	deactivate(resource: SimResourceName, id: number): void;
	/** Made again in ConnectWise after a delete: the same fields under a new id; answers the new id. */
	recreate(resource: SimResourceName, id: number): number;
	/** Two records merged in ConnectWise: `from` is folded into `into` and gone (404 by id); `into` stays. */
	merge(resource: SimResourceName, from: number, into: number): void;
	/** Deleted in ConnectWise: gone from lists, 404 by id. */
	remove(resource: SimResourceName, id: number): void;
	inject(...faults: FaultSpec[]): void;
	pendingFaults(): number;
	clearFaults(): void;
	/** Calls served, by endpoint: `{ 'POST /company/companies': 1 }`. Faulted requests count too. */
	calls(): Record<string, number>;
	callCount(endpoint: string): number;
	totalCalls(): number;
	/** Every request in order, with the status it got (null for a reset socket). */
	requests(): LoggedRequest[];
	resetCalls(): void;
};

type ControlDeps = {
	state: SimState;
	usage: Usage;
	faults: FaultQueue;
	credentials: SimCredentials;
	now: () => number;
};

/** Who ConnectWise names as the last editor of what a person changed in the UI (not the API member). */
const UI_MEMBER = 'admin1';

export function createConnectwiseControl({
	state,
	usage,
	faults,
	credentials,
	now
}: ControlDeps): ConnectwiseSimulatorControl {
	const info = () => ({ lastUpdated: new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z'), updatedBy: UI_MEMBER });
	const existing = (resource: SimResourceName, id: number) => {
		const record = state.get(resource, id);
		if (!record) throw new Error(`The simulator has no ${resource} ${id}.`);
		return record;
	};
	return {
		credentials,
		seed: (resource, records) => records.map((r) => state.insert(resource, { _info: info(), ...r }).id),
		record: (resource, id) => state.get(resource, id),
		records: (resource) => state.list(resource),
		patch(resource, id, fields) {
			state.put(resource, { ...existing(resource, id), ...fields, id, _info: info() });
		},
		deactivate(resource, id) {
			const field = SIM_RESOURCES[resource].inactiveField;
			state.put(resource, { ...existing(resource, id), [field]: field !== 'includeFlag', _info: info() });
		},
		remove(resource, id) {
			existing(resource, id);
			state.delete(resource, id);
		},
		recreate(resource, id) {
			const { id: _old, ...fields } = existing(resource, id);
			state.delete(resource, id);
			return state.insert(resource, fields).id;
		},
		merge(resource, from, into) {
			existing(resource, into);
			existing(resource, from);
			state.delete(resource, from);
		},
		inject: (...specs) => specs.forEach((spec) => faults.add(spec)),
		pendingFaults: () => faults.pending(),
		clearFaults: () => faults.clear(),
		calls: () => usage.calls(),
		callCount: (endpoint) => usage.calls()[endpoint] ?? 0,
		totalCalls: () => usage.total(),
		requests: () => usage.log(),
		resetCalls: () => usage.reset()
	};
}
