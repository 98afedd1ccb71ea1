// One HTTP request exactly as a hostile client shapes it: any method, raw path and query, raw body,
// any headers; redirects are not followed and an event stream is closed once its status is known.

export type RawRequest = {
	method: string;
	/** Path and query as sent, already encoded (or deliberately not). */
	target: string;
	headers?: Record<string, string>;
	body?: string;
};

export type RawResponse = { status: number; headers: Headers; text: string; json: unknown };

export async function rawRequest(baseUrl: string, request: RawRequest): Promise<RawResponse> {
	const res = await fetch(baseUrl + request.target, {
		method: request.method,
		headers: request.headers,
		body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
		redirect: 'manual',
		signal: AbortSignal.timeout(15_000)
	});
	if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
		await res.body?.cancel();
		return { status: res.status, headers: res.headers, text: '', json: undefined };
	}
	const text = await res.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

/** The Cookie header a signed-in test client would send. */
export function cookieHeader(cookies: Map<string, string>): string {
	return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}
