// Requests that seem to come from a given client address: the gateway under test reads it from a
// test header through its injected clientAddress, the way the Node entry reads the socket.

import type { Context } from 'hono';

const HEADER = 'x-test-client-address';

export const testClientAddress = (c: Context) => c.req.header(HEADER) ?? '127.0.0.1';

export type AddressedResponse = { status: number; body: any; retryAfter: string | null };

export async function postFrom(
	baseUrl: string,
	address: string,
	path: string,
	body: unknown
): Promise<AddressedResponse> {
	const res = await fetch(baseUrl + path, {
		method: 'POST',
		headers: { 'content-type': 'application/json', [HEADER]: address },
		body: JSON.stringify(body)
	});
	return { status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after') };
}
