// The simulator's control surface for tests and the demo: seed records, change, deactivate or delete
// them, inject faults, and read what was served. Never reachable over HTTP.

import { existingRecord, psaControl, type PsaControl } from '../../common/simulator/control.ts';
import type { Fault, FaultQueue } from './faults.ts';
import type { SimCredentials } from './guard.ts';
import { SIM_RESOURCES, type SimResourceName } from './resources.ts';
import type { SimState } from './sim-state.ts';
import type { LoggedRequest, Usage } from './usage.ts';

/**
 * Seeded records are stamped with `_info.lastUpdated` unless they bring their own `_info`, and a patch
 * moves it, as a user editing in ConnectWise would. Forecast items name their `opportunity`.
 */
export type ConnectwiseSimulatorControl = PsaControl<SimResourceName, Fault> & {
	readonly credentials: SimCredentials;
	/** Switched off in the UI: `inactiveFlag` (companies: `deletedFlag`; opportunities: `closedFlag`). */
	deactivate(resource: SimResourceName, id: number): void;
	/** Every request in order, with the status it got (null for a reset socket). */
	requests(): LoggedRequest[];
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
	return {
		credentials,
		...psaControl({ state, faults, usage, edited: () => ({ _info: info() }) }),
		deactivate(resource, id) {
			const field = SIM_RESOURCES[resource].inactiveField;
			state.put(resource, { ...existingRecord(state, resource, id), [field]: field !== 'includeFlag', _info: info() });
		},
		requests: () => usage.log()
	};
}
