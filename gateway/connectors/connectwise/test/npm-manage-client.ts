// The public `connectwise-rest` Manage client pointed at a ConnectWise simulator on loopback.
//
// The client always builds `https://{companyUrl}/{entryPoint}/apis/3.0` and the simulator serves plain
// http on loopback, so after construction each axios instance (the root and one per module API) gets
// its baseURL's scheme switched to http. Nothing else about the client is changed: headers, paths,
// query strings, bodies and answer parsing are its own.

import { ManageAPI, type CWMOptions } from 'connectwise-rest';
import type { ConnectwiseSimulator } from '../simulator/simulator.ts';

export type ManageClient = InstanceType<typeof ManageAPI>;

type WithAxios = { instance: { defaults: { baseURL?: string } } };

export function manageClientFor(
	sim: ConnectwiseSimulator,
	origin: string,
	options: Partial<CWMOptions> = {}
): ManageClient {
	const { companyId, publicKey, privateKey, clientId } = sim.control.credentials;
	const client = new ManageAPI({
		companyId,
		publicKey,
		privateKey,
		clientId,
		companyUrl: new URL(origin).host,
		logger: () => {},
		...options
	});
	const parts: unknown[] = [client, ...Object.values(client).filter((v) => typeof v === 'object' && v !== null)];
	for (const part of parts) {
		const axios = (part as Partial<WithAxios>).instance;
		if (axios?.defaults.baseURL) axios.defaults.baseURL = axios.defaults.baseURL.replace(/^https:/, 'http:');
	}
	return client;
}
