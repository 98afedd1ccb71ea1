// An HTTP request whose answer is read byte for byte, never decompressed on the way (fetch would):
// for tests of what goes over the wire.

import { request } from 'node:http';

export type RawAnswer = { status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer };

export function rawRequest(
	url: string,
	options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<RawAnswer> {
	return new Promise((resolve, reject) => {
		const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(options.body);
	});
}
