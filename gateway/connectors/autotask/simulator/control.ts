// The simulator's control surface for tests and the demo: seed records, delete or deactivate them,
// change picklists, inject faults, and read how many calls were served. Never reachable over HTTP.

import type { SimEntityName } from './catalog.ts';
import type { SimPicklistValue } from './default-picklists.ts';
import type { FaultQueue, FaultSpec } from './faults.ts';
import type { SimCredentials } from './guard.ts';
import type { SimRecord, SimState } from './sim-state.ts';
import type { Usage } from './usage.ts';
import { hasUdfs, udfDefinition, type UdfInput } from './user-defined-fields.ts';

export type PicklistEntry = { value: number | string; label: string; isActive?: boolean; isDefaultValue?: boolean };

export type AutotaskSimulatorControl = {
	readonly credentials: SimCredentials;
	/** Stores records as given (no business rules); answers their ids in order. */
	seed(entity: SimEntityName, records: Record<string, unknown>[]): number[];
	record(entity: SimEntityName, id: number): SimRecord | undefined;
	records(entity: SimEntityName): SimRecord[];
	/** Changes stored fields, as a user editing in Autotask would. */
	patch(entity: SimEntityName, id: number, fields: Record<string, unknown>): void;
	/** `isActive` false (0 on Contacts, where it is an integer). */
	deactivate(entity: SimEntityName, id: number): void;
	/** Made again in Autotask after a delete: the same fields under a new id; answers the new id. */
	recreate(entity: SimEntityName, id: number): number;
	/** Two records merged in Autotask: `from` is folded into `into` and gone (404 by id); `into` stays. */
	merge(entity: SimEntityName, from: number, into: number): void;
	/** Deleted in Autotask: gone from queries, 404 by id. */
	remove(entity: SimEntityName, id: number): void;
	picklist(entity: SimEntityName, field: string): SimPicklistValue[];
	setPicklist(entity: SimEntityName, field: string, entries: PicklistEntry[]): void;
	deactivatePicklistValue(entity: SimEntityName, field: string, value: number | string): void;
	/** Replaces the entity's user-defined fields, as an admin defining them in Autotask would. */
	defineUserDefinedFields(entity: SimEntityName, definitions: UdfInput[]): void;
	inject(...faults: FaultSpec[]): void;
	pendingFaults(): number;
	clearFaults(): void;
	/** Calls served, by endpoint: `{ 'POST /Companies/query': 3 }`. Faulted requests count too. */
	calls(): Record<string, number>;
	callCount(endpoint: string): number;
	totalCalls(): number;
	resetCalls(): void;
	/** Requests counted against the hourly threshold in the current window. */
	thresholdCount(): number;
	/** The most requests seen in flight at once, per object endpoint. */
	peakConcurrency(): Record<string, number>;
};

type ControlDeps = { state: SimState; usage: Usage; faults: FaultQueue; credentials: SimCredentials };

export function createAutotaskControl({ state, usage, faults, credentials }: ControlDeps): AutotaskSimulatorControl {
	const existing = (entity: SimEntityName, id: number) => {
		const record = state.get(entity, id);
		if (!record) throw new Error(`The simulator has no ${entity} ${id}.`);
		return record;
	};
	return {
		credentials,
		seed: (entity, records) => records.map((r) => state.insert(entity, r).id),
		record: (entity, id) => state.get(entity, id),
		records: (entity) => state.list(entity),
		patch(entity, id, fields) {
			state.put(entity, { ...existing(entity, id), ...fields, id });
		},
		deactivate(entity, id) {
			const record = existing(entity, id);
			state.put(entity, { ...record, isActive: entity === 'Contacts' ? 0 : false });
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
		},
		picklist: (entity, field) => state.picklists(entity)[field] ?? [],
		setPicklist(entity, field, entries) {
			state.setPicklist(
				entity,
				field,
				entries.map((e, index) => ({
					value: String(e.value),
					label: e.label,
					isActive: e.isActive ?? true,
					isDefaultValue: e.isDefaultValue ?? false,
					sortOrder: index + 1,
					isSystem: false,
					parentValue: null
				}))
			);
		},
		deactivatePicklistValue(entity, field, value) {
			const values = state.picklists(entity)[field];
			if (!values?.some((v) => v.value === String(value))) {
				throw new Error(`The ${entity}.${field} picklist has no value ${value}.`);
			}
			state.setPicklist(
				entity,
				field,
				values.map((v) => (v.value === String(value) ? { ...v, isActive: false } : v))
			);
		},
		defineUserDefinedFields(entity, definitions) {
			if (!hasUdfs(entity)) throw new Error(`${entity} has no user-defined fields in the simulator.`);
			state.setUdfs(entity, definitions.map(udfDefinition));
		},
		inject: (...specs) => specs.forEach((spec) => faults.add(spec)),
		pendingFaults: () => faults.pending(),
		clearFaults: () => faults.clear(),
		calls: () => usage.calls(),
		callCount: (endpoint) => usage.calls()[endpoint] ?? 0,
		totalCalls: () => usage.total(),
		resetCalls: () => usage.resetCalls(),
		thresholdCount: () => usage.windowCount(),
		peakConcurrency: () => usage.peakConcurrency()
	};
}
