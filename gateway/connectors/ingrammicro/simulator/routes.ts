// The simulated API's handlers: the token endpoint (form POST, or GET with the query as the SDK sends
// it, §4.2) and the reseller calls of §4.4. Business rules live in catalog.ts and orders.ts.

import { Hono, type Context } from 'hono';
import { priceAndAvailabilityOf, type Catalog } from './catalog.ts';
import { createAnswer, detailAnswer, searchEntry, type CreateBody, type OrderBook } from './orders.ts';
import type { SimEnv } from './sim-env.ts';
import type { TokenStore } from './tokens.ts';

export type SimCredentials = { clientId: string; clientSecret: string; customerNumber: string; countryCode: string };

export function tokenHandler(deps: { credentials: () => SimCredentials | null; tokens: TokenStore }) {
	return (c: Context<SimEnv>) => {
		const form = { ...c.req.query(), ...((c.get('body') ?? {}) as Record<string, string>) };
		if (form.grant_type !== 'client_credentials') return c.json({ message: 'Invalid grant_type' }, 400);
		const credentials = deps.credentials();
		if (!credentials || form.client_id !== credentials.clientId || form.client_secret !== credentials.clientSecret) {
			return c.json({ message: 'Invalid client credentials' }, 400);
		}
		return c.json(deps.tokens.issue());
	};
}

const validation = (c: Context<SimEnv>, fields: { field: string; message: string; value?: unknown }[]) =>
	c.json({ traceid: 'sim', type: 'https://httpstatuses.com/400', message: 'Validation failed', fields }, 400);

export function resellerApi(deps: { catalog: Catalog; orders: OrderBook }) {
	const api = new Hono<SimEnv>();

	api.post('/v6/catalog/priceandavailability', (c) => {
		const products = (c.get('body') as { products?: unknown } | null)?.products;
		if (!Array.isArray(products) || products.length === 0)
			return validation(c, [{ field: 'products', message: 'required' }]);
		if (products.length > 50)
			return validation(c, [{ field: 'products', message: 'at most 50 products per request', value: products.length }]);
		return c.json(
			products.map((asked: Record<string, unknown>, index) =>
				priceAndAvailabilityOf(index, asked ?? {}, deps.catalog.find(asked ?? {}))
			)
		);
	});

	api.post('/v6/orders', (c) => {
		const body = c.get('body') as Partial<CreateBody> | null;
		const fields = createProblems(body);
		if (fields.length) return validation(c, fields);
		const valid = body as CreateBody;
		const { order, rejected } = deps.orders.create(valid);
		return c.json(createAnswer(order, valid.customerOrderNumber, rejected), order ? 201 : 200);
	});

	api.get('/v6/orders/search', (c) => {
		const po = c.req.query('customerOrderNumber');
		const pageSize = Math.min(100, Math.max(1, Number(c.req.query('pageSize') ?? 25) || 25));
		const pageNumber = Math.max(1, Number(c.req.query('pageNumber') ?? 1) || 1);
		const found = po ? deps.orders.byPo(po) : deps.orders.all();
		const page = found.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
		return c.json({ recordsFound: found.length, pageSize, pageNumber, orders: page.map(searchEntry) });
	});

	api.get('/v6.1/orders/:number', (c) => {
		const order = deps.orders.get(c.req.param('number'));
		if (!order) return c.json({ id: 'sim', type: 'about:blank', message: 'Order not found' }, 404);
		deps.orders.poll(order);
		return c.json(detailAnswer(order));
	});

	api.delete('/v6/orders/:number', (c) => {
		const order = deps.orders.get(c.req.param('number'));
		if (!order) return c.json({ id: 'sim', type: 'about:blank', message: 'Order not found' }, 404);
		const canceled = deps.orders.cancel(order);
		if (canceled !== 'canceled') {
			const message =
				canceled === 'released'
					? 'The order cannot be canceled once it is released to the warehouse.'
					: 'The order is already canceled.';
			return c.json({ traceid: 'sim', type: 'about:blank', message, fields: [] }, 400);
		}
		return c.body(null, 200);
	});

	return api;
}

function createProblems(body: Partial<CreateBody> | null): { field: string; message: string; value?: unknown }[] {
	const problems: { field: string; message: string; value?: unknown }[] = [];
	if (!body || typeof body !== 'object') return [{ field: 'body', message: 'required' }];
	if (typeof body.customerOrderNumber !== 'string' || !body.customerOrderNumber.trim()) {
		problems.push({ field: 'customerOrderNumber', message: 'required' });
	}
	if (!Array.isArray(body.lines) || body.lines.length === 0)
		return [...problems, { field: 'lines', message: 'required' }];
	const seen = new Set<string>();
	body.lines.forEach((line, i) => {
		if (!line || typeof line !== 'object') return problems.push({ field: `lines[${i}]`, message: 'required' });
		if (
			typeof line.customerLineNumber !== 'string' ||
			!/^\d+$/.test(line.customerLineNumber) ||
			seen.has(line.customerLineNumber)
		) {
			problems.push({
				field: `lines[${i}].customerLineNumber`,
				message: 'must be unique and numeric',
				value: line.customerLineNumber
			});
		}
		seen.add(String(line.customerLineNumber));
		if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
			problems.push({
				field: `lines[${i}].quantity`,
				message: 'must be a positive whole number',
				value: String(line.quantity)
			});
		}
		return undefined;
	});
	return problems;
}
