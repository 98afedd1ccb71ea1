// For tests: the ConnectWise simulator on a loopback port and a real client pointed at it, plus a
// small seeded tenant (a sales rep, a company with a contact, a catalog item).

import { buildCatalogItem, buildCompany, buildContact, buildMember } from '../simulator/seed-builders.ts';
import {
	createConnectwiseSimulator,
	type ConnectwiseSimulator,
	type ConnectwiseSimulatorOptions
} from '../simulator/simulator.ts';
import { createConnectwiseClient, type ConnectwiseClient, type ConnectwiseClientOptions } from '../client/client.ts';
import type { ConnectwiseCredentials } from '../client/credentials.ts';

export type Sandbox = {
	sim: ConnectwiseSimulator;
	control: ConnectwiseSimulator['control'];
	client: ConnectwiseClient;
	site: string;
	credentials: ConnectwiseCredentials;
	/** Another client on the same simulator (other credentials, hooks, timeouts). */
	newClient(overrides?: Partial<ConnectwiseClientOptions>): ConnectwiseClient;
	close(): Promise<void>;
};

export async function startSandbox(
	options: { simulator?: ConnectwiseSimulatorOptions; client?: Partial<ConnectwiseClientOptions> } = {}
): Promise<Sandbox> {
	const sim = createConnectwiseSimulator({ log: () => {}, ...options.simulator });
	const { site } = await sim.listen();
	const credentials = { ...sim.control.credentials, site };
	const newClient = (overrides: Partial<ConnectwiseClientOptions> = {}) =>
		createConnectwiseClient({ credentials, ...options.client, ...overrides });
	return { sim, control: sim.control, client: newClient(), site, credentials, newClient, close: () => sim.close() };
}

export type Tenant = { memberId: number; companyId: number; contactId: number; catalogItemId: number };

export function seedTenant(control: ConnectwiseSimulator['control']): Tenant {
	const [memberId] = control.seed('members', [buildMember()]);
	const [companyId] = control.seed('companies', [buildCompany()]);
	const [contactId] = control.seed('contacts', [buildContact({ company: { id: companyId, identifier: 'AcmeCorp' } })]);
	const [catalogItemId] = control.seed('catalog', [buildCatalogItem()]);
	return { memberId: memberId!, companyId: companyId!, contactId: contactId!, catalogItemId: catalogItemId! };
}

/** The value of a result a test expects to succeed; a failure fails the test with its code and message. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
	if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.message}`);
	return result.value;
}
