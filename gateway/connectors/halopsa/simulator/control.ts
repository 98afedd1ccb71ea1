// The simulator's control surface for tests and the demo: seed records, change, deactivate or delete
// them, expire tokens, inject faults, and read the calls and requests served. Never reachable over HTTP.

import { SIM_ENTITIES, type SimEntityName } from './catalog.ts';
import { existingRecord, psaControl, type PsaControl } from '../../common/simulator/control.ts';
import type { Fault, FaultQueue } from './faults.ts';
import type { SimCredentials } from './auth-api.ts';
import type { SimState } from './sim-state.ts';
import type { TokenStore } from './tokens.ts';
import type { LoggedRequest, Usage } from './usage.ts';

export type HaloSimulatorControl = PsaControl<SimEntityName, Fault> & {
	readonly credentials: SimCredentials;
	/** The agent the API application runs as (`GET /Agent/me`). */
	readonly apiAgentId: number;
	count(entity: SimEntityName): number;
	/** `inactive` true (`isdisabled` on agents): gone from lists unless asked for. */
	deactivate(entity: SimEntityName, id: number): void;
	/** Every token issued so far stops working, as if it had expired early. */
	expireTokens(): void;
	tokensIssued(): number;
	/** Every request served, in order, with its body and the status answered. */
	requests(): LoggedRequest[];
};

type ControlDeps = {
	state: SimState;
	usage: Usage;
	faults: FaultQueue;
	tokens: TokenStore;
	credentials: SimCredentials;
	apiAgentId: number;
};

export function createHaloControl(deps: ControlDeps): HaloSimulatorControl {
	const { state, usage, faults, tokens } = deps;
	return {
		credentials: deps.credentials,
		apiAgentId: deps.apiAgentId,
		...psaControl({ state, faults, usage }),
		count: (entity) => state.list(entity).length,
		deactivate(entity, id) {
			const field = SIM_ENTITIES[entity].inactive;
			if (!field) throw new Error(`${entity} records cannot be deactivated in Halo.`);
			state.put(entity, { ...existingRecord(state, entity, id), [field]: true });
		},
		expireTokens: () => tokens.expireAll(),
		tokensIssued: () => tokens.issued(),
		requests: () => usage.requests()
	};
}
