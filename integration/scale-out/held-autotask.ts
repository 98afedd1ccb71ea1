// The Autotask simulator on a loopback port of its own, behind a door the test can hold: the next
// request that matches waits there, before Autotask sees it, until the test lets it through. While
// it waits the test learns which port it came from (socket-owner.ts turns that into a replica).

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import {
	createAutotaskSimulator,
	type AutotaskSimulator
} from '../../gateway/connectors/autotask/simulator/simulator.ts';

export type HeldRequest = {
	clientPort: number;
	/** Lets it through; resolves once Autotask has acted on it and answered (whoever is listening). */
	release(): Promise<void>;
};

export type HeldAutotask = {
	control: AutotaskSimulator['control'];
	zoneLookupUrl: string;
	/** Holds the next `method` request whose path matches; resolves once one arrives. */
	holdNext(method: string, path: RegExp): Promise<HeldRequest>;
	close(): Promise<void>;
};

export async function startHeldAutotask(): Promise<HeldAutotask> {
	const sim = createAutotaskSimulator({ log: () => {} });
	let armed: { method: string; path: RegExp; arrived(held: HeldRequest): void } | null = null;

	const server = await new Promise<Server>((resolve) => {
		const s = serve(
			{
				async fetch(request: Request, env: HttpBindings | Http2Bindings) {
					const door = armed;
					const { pathname } = new URL(request.url);
					if (!door || request.method !== door.method || !door.path.test(pathname)) return sim.app.fetch(request);
					armed = null;
					let answered: () => void = () => {};
					const done = new Promise<void>((resolve) => (answered = resolve));
					await new Promise<void>((release) =>
						door.arrived({
							clientPort: env.incoming.socket.remotePort!,
							release: () => {
								release();
								return done;
							}
						})
					);
					const response = await sim.app.fetch(request);
					answered();
					return response;
				},
				port: 0,
				hostname: '127.0.0.1'
			},
			() => resolve(s as Server)
		);
	});
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		control: sim.control,
		zoneLookupUrl: sim.zoneLookupUrl(origin),
		holdNext(method, path) {
			return new Promise((arrived) => (armed = { method, path, arrived }));
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			})
	};
}
