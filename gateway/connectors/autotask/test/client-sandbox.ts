// For tests: the Autotask simulator on a loopback port and a real client pointed at it, plus a
// small seeded tenant (an owner, a company with a contact, a billing code, a product).

import {
	createAutotaskSimulator,
	type AutotaskSimulator,
	type AutotaskSimulatorOptions
} from '../simulator/simulator.ts';
import {
	buildBillingCode,
	buildCompany,
	buildContact,
	buildProduct,
	buildResource
} from '../simulator/seed-builders.ts';
import { createAutotaskClient, type AutotaskClient, type AutotaskClientOptions } from '../client/client.ts';

export type Sandbox = {
	sim: AutotaskSimulator;
	control: AutotaskSimulator['control'];
	client: AutotaskClient;
	origin: string;
	zoneLookupUrl: string;
	/** Another client on the same simulator (other credentials, hooks, timeouts). */
	newClient(overrides?: Partial<AutotaskClientOptions>): AutotaskClient;
	close(): Promise<void>;
};

export async function startSandbox(
	options: { simulator?: AutotaskSimulatorOptions; client?: Partial<AutotaskClientOptions> } = {}
): Promise<Sandbox> {
	const sim = createAutotaskSimulator({ log: () => {}, ...options.simulator });
	const { origin, zoneLookupUrl } = await sim.listen();
	const newClient = (overrides: Partial<AutotaskClientOptions> = {}) =>
		createAutotaskClient({ credentials: sim.control.credentials, zoneLookupUrl, ...options.client, ...overrides });
	return { sim, control: sim.control, client: newClient(), origin, zoneLookupUrl, newClient, close: () => sim.close() };
}

export type Tenant = {
	ownerId: number;
	companyId: number;
	contactId: number;
	billingCodeId: number;
	productId: number;
};

export function seedTenant(control: AutotaskSimulator['control']): Tenant {
	const [ownerId] = control.seed('Resources', [buildResource()]);
	const [companyId] = control.seed('Companies', [buildCompany({ ownerResourceID: ownerId })]);
	const [contactId] = control.seed('Contacts', [buildContact({ companyID: companyId })]);
	const [billingCodeId] = control.seed('BillingCodes', [buildBillingCode()]);
	const [productId] = control.seed('Products', [buildProduct({ productBillingCodeID: billingCodeId })]);
	return {
		ownerId: ownerId!,
		companyId: companyId!,
		contactId: contactId!,
		billingCodeId: billingCodeId!,
		productId: productId!
	};
}

/** The value of a result a test expects to succeed; a failure fails the test with its code and message. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
	if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.message}`);
	return result.value;
}
