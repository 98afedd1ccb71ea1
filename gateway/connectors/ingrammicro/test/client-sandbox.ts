// For tests: the Ingram Micro simulator on a loopback port and a real client pointed at it.

import { createIngramClient, type IngramClient, type IngramClientOptions } from '../client/client.ts';
import type { IngramCredentialsInput } from '../client/credentials.ts';
import { createIngramSimulator, type IngramSimulator, type IngramSimulatorOptions } from '../simulator/simulator.ts';

export type Sandbox = {
	sim: IngramSimulator;
	control: IngramSimulator['control'];
	client: IngramClient;
	credentials: IngramCredentialsInput;
	/** Another client on the same simulator: a fresh process (no cached token), other options. */
	newClient(overrides?: Partial<IngramClientOptions>): IngramClient;
	close(): Promise<void>;
};

export async function startSandbox(
	options: { simulator?: IngramSimulatorOptions; client?: Partial<IngramClientOptions> } = {}
): Promise<Sandbox> {
	const sim = createIngramSimulator({ log: () => {}, ...options.simulator });
	const { apiUrl } = await sim.listen();
	const { clientId, clientSecret, customerNumber, countryCode } = sim.control.credentials;
	const credentials: IngramCredentialsInput = {
		apiUrl,
		clientId,
		clientSecret,
		customerNumber,
		countryCode,
		senderId: 'Outpost'
	};
	const newClient = (overrides: Partial<IngramClientOptions> = {}) =>
		createIngramClient({ credentials, ...options.client, ...overrides });
	return { sim, control: sim.control, client: newClient(), credentials, newClient, close: () => sim.close() };
}

/** The value of a result a test expects to succeed; a failure fails the test with its code and message. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
	if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.message}`);
	return result.value;
}
