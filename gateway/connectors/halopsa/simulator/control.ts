// The simulator's control surface for tests and the demo: seed records, change, deactivate or delete
// them, expire tokens, inject faults, and read the calls and requests served. Never reachable over HTTP.

import { SIM_ENTITIES, type SimEntityName } from './catalog.ts';
import type { FaultQueue, FaultSpec } from './faults.ts';
import type { SimCredentials } from './auth-api.ts';
import type { SimRecord, SimState } from './sim-state.ts';
import type { TokenStore } from './tokens.ts';
import type { LoggedRequest, Usage } from './usage.ts';

export type HaloSimulatorControl = {
	readonly credentials: SimCredentials;
	/** The agent the API application runs as (`GET /Agent/me`). */
	readonly apiAgentId: number;
	/** Stores records as given (no business rules); answers their ids in order. */
	seed(entity: SimEntityName, records: Record<string, unknown>[]): number[];
	record(entity: SimEntityName, id: number): SimRecord | undefined;
	records(entity: SimEntityName): SimRecord[];
	count(entity: SimEntityName): number;
	/** Changes stored fields, as a user editing in Halo would. */
	patch(entity: SimEntityName, id: number, fields: Record<string, unknown>): void;
	/** `inactive` true (`isdisabled` on agents): gone from lists unless asked for. */
	deactivate(entity: SimEntityName, id: number): void;
	/** Made again in Halo after a delete: the same fields under a new id; answers the new id. */
	recreate(entity: SimEntityName, id: number): number;
	/** Two records merged in Halo: `from` is folded into `into` and gone (404 by id); `into` stays. */
	merge(entity: SimEntityName, from: number, into: number): void;
	/** Deleted in Halo: gone from lists, 404 by id. */
	remove(entity: SimEntityName, id: number): void;
	/** Every token issued so far stops working, as if it had expired early. */
	expireTokens(): void;
	tokensIssued(): number;
	inject(...faults: FaultSpec[]): void;
	pendingFaults(): number;
	clearFaults(): void;
	/** Calls served, by endpoint: `{ 'GET /Client': 3, 'POST /auth/token': 1 }`. Faulted requests count too. */
	calls(): Record<string, number>;
	callCount(endpoint: string): number;
	totalCalls(): number;
	/** Every request served, in order, with its body and the status answered. */
	requests(): LoggedRequest[];
	resetCalls(): void;
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
	const existing = (entity: SimEntityName, id: number) => {
		const record = state.get(entity, id);
		if (!record) throw new Error(`The simulator has no ${entity} ${id}.`);
		return record;
	};
	return {
		credentials: deps.credentials,
		apiAgentId: deps.apiAgentId,
		seed: (entity, records) => records.map((r) => state.insert(entity, r).id),
		record: (entity, id) => state.get(entity, id),
		records: (entity) => state.list(entity),
		count: (entity) => state.list(entity).length,
		patch(entity, id, fields) {
			state.put(entity, { ...existing(entity, id), ...fields, id });
		},
		deactivate(entity, id) {
			const field = SIM_ENTITIES[entity].inactive;
			if (!field) throw new Error(`${entity} records cannot be deactivated in Halo.`);
			state.put(entity, { ...existing(entity, id), [field]: true });
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
		expireTokens: () => tokens.expireAll(),
		tokensIssued: () => tokens.issued(),
		inject: (...specs) => specs.forEach((spec) => faults.add(spec)),
		pendingFaults: () => faults.pending(),
		clearFaults: () => faults.clear(),
		calls: () => usage.calls(),
		callCount: (endpoint) => usage.calls()[endpoint] ?? 0,
		totalCalls: () => usage.total(),
		requests: () => usage.requests(),
		resetCalls: () => usage.reset()
	};
}
