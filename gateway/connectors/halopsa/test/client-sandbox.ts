// For tests: the HaloPSA simulator on a loopback port and a real client pointed at it, plus a small
// seeded tenant (an agent, a client with a user, an item).

import { buildAgent, buildClient, buildItem, buildUser } from '../simulator/seed-builders.ts';
import { createHaloSimulator, type HaloSimulator, type HaloSimulatorOptions } from '../simulator/simulator.ts';
import type { HaloCredentialsInput } from '../client/credentials.ts';
import { createHaloClient, type HaloClient, type HaloClientOptions } from '../client/client.ts';

export type Sandbox = {
	sim: HaloSimulator;
	control: HaloSimulator['control'];
	client: HaloClient;
	credentials: HaloCredentialsInput;
	/** Another client on the same simulator (other credentials, clock, timeouts). */
	newClient(overrides?: Partial<HaloClientOptions>): HaloClient;
	close(): Promise<void>;
};

export async function startSandbox(
	options: { simulator?: HaloSimulatorOptions; client?: Partial<HaloClientOptions> } = {}
): Promise<Sandbox> {
	const sim = createHaloSimulator({ log: () => {}, ...options.simulator });
	const { resourceUrl, authUrl } = await sim.listen();
	const { clientId, clientSecret, tenant } = sim.control.credentials;
	const credentials: HaloCredentialsInput = { resourceUrl, authUrl, clientId, clientSecret, tenant };
	const newClient = (overrides: Partial<HaloClientOptions> = {}) =>
		createHaloClient({ credentials, ...options.client, ...overrides });
	return { sim, control: sim.control, client: newClient(), credentials, newClient, close: () => sim.close() };
}

export type Tenant = { agentId: number; clientId: number; userId: number; itemId: number };

export function seedTenant(control: HaloSimulator['control']): Tenant {
	const [agentId] = control.seed('Agent', [buildAgent()]);
	const [clientId] = control.seed('Client', [buildClient()]);
	const [userId] = control.seed('Users', [buildUser({ client_id: clientId })]);
	const [itemId] = control.seed('Item', [buildItem()]);
	return { agentId: agentId!, clientId: clientId!, userId: userId!, itemId: itemId! };
}

/** The value of a result a test expects to succeed; a failure fails the test with its code and message. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
	if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.message}`);
	return result.value;
}
