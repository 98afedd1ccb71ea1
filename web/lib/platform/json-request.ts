// One JSON request to the gateway (same-origin cookies, a JSON body when there is one) and what came
// back: nothing at all (no network, the gateway down), or a status with its body parsed as JSON.
// Callers check the body with their own schema; `refusalOf` reads the gateway's error envelope.

export type JsonAnswer =
	| { reached: false }
	| {
			reached: true;
			status: number;
			ok: boolean;
			/** The parsed body; null when it was not JSON (then `readable` is false). */
			body: unknown;
			readable: boolean;
	  };

export type JsonRequest = {
	method?: string;
	/** Sent as JSON; without it the request has no body. */
	body?: unknown;
	fetch?: typeof fetch;
};

export async function requestJson(url: string, request: JsonRequest = {}): Promise<JsonAnswer> {
	const doFetch = request.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
	const hasBody = request.body !== undefined;
	let response: Response;
	try {
		response = await doFetch(url, {
			method: request.method ?? (hasBody ? 'POST' : 'GET'),
			credentials: 'same-origin',
			headers: hasBody ? { 'content-type': 'application/json' } : {},
			body: hasBody ? JSON.stringify(request.body) : undefined
		});
	} catch {
		return { reached: false };
	}
	try {
		return { reached: true, status: response.status, ok: response.ok, body: await response.json(), readable: true };
	} catch {
		return { reached: true, status: response.status, ok: response.ok, body: null, readable: false };
	}
}

export type Refusal = { code: string; message: string; fields: string[] };

/** The gateway's `{ error: { code, message, fields? } }`, or null when the body is not one. */
export function refusalOf(body: unknown): Refusal | null {
	// Checked by hand, not with zod: the sign-in page reads refusals before zod has loaded.
	const error = (body as { error?: unknown } | null)?.error as Partial<Record<keyof Refusal, unknown>> | undefined;
	if (typeof error !== 'object' || error === null) return null;
	const { code, message, fields = [] } = error;
	if (typeof code !== 'string' || typeof message !== 'string') return null;
	if (!Array.isArray(fields) || !fields.every((field) => typeof field === 'string')) return null;
	return { code, message, fields };
}
