// For tests: the TD SYNNEX simulator on a loopback port and a real client pointed at it.

import { createTdSynnexClient, type TdSynnexClient, type TdSynnexClientOptions } from '../client/client.ts';
import {
	createTdSynnexSimulator,
	type TdSynnexSimulator,
	type TdSynnexSimulatorOptions
} from '../simulator/simulator.ts';

export type Sandbox = {
	sim: TdSynnexSimulator;
	control: TdSynnexSimulator['control'];
	client: TdSynnexClient;
	baseUrl: string;
	/** Another client on the same simulator: a restarted gateway, other credentials or hooks. */
	newClient(overrides?: Partial<TdSynnexClientOptions>): TdSynnexClient;
	close(): Promise<void>;
};

export async function startSandbox(
	options: { simulator?: TdSynnexSimulatorOptions; client?: Partial<TdSynnexClientOptions> } = {}
): Promise<Sandbox> {
	const sim = createTdSynnexSimulator({ log: () => {}, ...options.simulator });
	const { baseUrl } = await sim.listen();
	const newClient = (overrides: Partial<TdSynnexClientOptions> = {}) =>
		createTdSynnexClient({
			credentials: { ...sim.control.credentials, baseUrl },
			...options.client,
			...overrides
		});
	return { sim, control: sim.control, client: newClient(), baseUrl, newClient, close: () => sim.close() };
}

/** The value of a result a test expects to succeed; a failure fails the test with its code and message. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
	if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.message}`);
	return result.value;
}
