// The simulator's control surface for tests and the demo: seed records, delete or deactivate them,
// change picklists, inject faults, and read how many calls were served. Never reachable over HTTP.

import type { SimEntityName } from './catalog.ts';
import type { SimPicklistValue } from './default-picklists.ts';
import { existingRecord, psaControl, type PsaControl } from '../../common/simulator/control.ts';
import type { Fault, FaultQueue } from './faults.ts';
import type { SimCredentials } from './guard.ts';
import type { SimState } from './sim-state.ts';
import type { Usage } from './usage.ts';
import { hasUdfs, udfDefinition, type UdfInput } from './user-defined-fields.ts';

export type PicklistEntry = { value: number | string; label: string; isActive?: boolean; isDefaultValue?: boolean };

export type AutotaskSimulatorControl = PsaControl<SimEntityName, Fault> & {
	readonly credentials: SimCredentials;
	/** `isActive` false (0 on Contacts, where it is an integer). */
	deactivate(entity: SimEntityName, id: number): void;
	picklist(entity: SimEntityName, field: string): SimPicklistValue[];
	setPicklist(entity: SimEntityName, field: string, entries: PicklistEntry[]): void;
	deactivatePicklistValue(entity: SimEntityName, field: string, value: number | string): void;
	/** Replaces the entity's user-defined fields, as an admin defining them in Autotask would. */
	defineUserDefinedFields(entity: SimEntityName, definitions: UdfInput[]): void;
	/** Requests counted against the hourly threshold in the current window. */
	thresholdCount(): number;
	/** The most requests seen in flight at once, per object endpoint. */
	peakConcurrency(): Record<string, number>;
};

type ControlDeps = { state: SimState; usage: Usage; faults: FaultQueue; credentials: SimCredentials };

export function createAutotaskControl({ state, usage, faults, credentials }: ControlDeps): AutotaskSimulatorControl {
	return {
		credentials,
		...psaControl({ state, faults, usage: { calls: usage.calls, total: usage.total, reset: usage.resetCalls } }),
		deactivate(entity, id) {
			const record = existingRecord(state, entity, id);
			state.put(entity, { ...record, isActive: entity === 'Contacts' ? 0 : false });
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
		thresholdCount: () => usage.windowCount(),
		peakConcurrency: () => usage.peakConcurrency()
	};
}
