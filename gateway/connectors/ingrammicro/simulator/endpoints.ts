// Names each request by its endpoint, `METHOD /path` with ids as `{name}` (the client's ENDPOINTS use the
// same keys), so calls are counted, rate-limited and faults matched per endpoint.

export const TOKEN_PATH = '/oauth/oauth20/token';

const TEMPLATES: { method: string; pattern: RegExp; key: string }[] = [
	{ method: 'POST', pattern: /^\/oauth\/oauth20\/token$/, key: `POST ${TOKEN_PATH}` },
	{ method: 'GET', pattern: /^\/oauth\/oauth20\/token$/, key: `GET ${TOKEN_PATH}` },
	{
		method: 'POST',
		pattern: /^\/resellers\/v6\/catalog\/priceandavailability$/,
		key: 'POST /resellers/v6/catalog/priceandavailability'
	},
	{ method: 'GET', pattern: /^\/resellers\/v6\/orders\/search$/, key: 'GET /resellers/v6/orders/search' },
	{ method: 'POST', pattern: /^\/resellers\/v6\/orders$/, key: 'POST /resellers/v6/orders' },
	{
		method: 'GET',
		pattern: /^\/resellers\/v6\.1\/orders\/[^/]+$/,
		key: 'GET /resellers/v6.1/orders/{ingramOrderNumber}'
	},
	{ method: 'DELETE', pattern: /^\/resellers\/v6\/orders\/[^/]+$/, key: 'DELETE /resellers/v6/orders/{orderNumber}' }
];

/** `path` is after the simulator's base path. Unknown routes are named by their concrete path. */
export function endpointOf(method: string, path: string): string {
	const verb = method.toUpperCase();
	const lower = path.toLowerCase();
	return TEMPLATES.find((t) => t.method === verb && t.pattern.test(lower))?.key ?? `${verb} ${path}`;
}
