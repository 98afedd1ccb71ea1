// The registry documents exactly the routes the app serves (a new route without docs fails here),
// and /api/docs answers over HTTP through the real app, within its security headers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { startGateway, TEST_PASSWORDS, type Gateway } from '../../test/http-harness.ts';
import { STORE_KINDS } from '../../test/stores.ts';
import { API_DOCS } from './api-docs.ts';
import { toJsonSchema } from './json-schema.ts';

const sqlite = STORE_KINDS.find((k) => k.name === 'sqlite')!;

/** `METHOD /path` of every handler under /api; ALL on a wildcard is middleware or the 404 fallback. */
async function servedRoutes(): Promise<string[]> {
	const opened = await sqlite.open();
	try {
		const { app, pokes } = await createApp({ store: opened.store, passwords: TEST_PASSWORDS, log: () => {} });
		pokes.close();
		const routes = app.routes
			.filter((r) => r.path.startsWith('/api') && !(r.method === 'ALL' && r.path.endsWith('*')))
			.map((r) => `${r.method} ${r.path}`);
		return [...new Set(routes)].sort();
	} finally {
		await opened.close();
	}
}

describe('the route registry', () => {
	it('documents every /api route the app serves, and only those', async () => {
		const documented = API_DOCS.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
		expect(new Set(documented).size).toBe(documented.length);
		expect(documented).toEqual(await servedRoutes());
	});
});

/** A path with each parameter filled in so that it passes its own check. */
const EXAMPLE_PARAMS: Record<string, string> = { token: 'a'.repeat(32), provider: 'autotask', distributor: 'tdsynnex' };

describe('the documented request bodies', () => {
	let gateway: Gateway;
	beforeAll(async () => {
		gateway = await startGateway(sqlite);
	});
	afterAll(() => gateway.close());

	it('are the ones the routes check: an empty body is refused naming exactly the required fields', async () => {
		const admin = await gateway.login('admin@demo.outpost.test');
		// A webhook checks its signature before its body (401 first): order-webhook.test.ts pins its 400s.
		const withBody = API_DOCS.filter((r) => r.body && !r.path.startsWith('/api/webhooks/'));
		expect(withBody.length).toBeGreaterThan(0);
		for (const route of withBody) {
			const path = route.path.replace(/:(\w+)/g, (_, name: string) => EXAMPLE_PARAMS[name]!);
			const res = route.method === 'put' ? await admin.put(path, {}) : await admin.post(path, {});
			const label = `${route.method} ${route.path}`;
			expect(res.status, label).toBe(400);
			expect(res.body.error.code, label).toBe('invalid_input');
			const named = String(res.body.error.message)
				.split('; ')
				.map((problem) => problem.slice(0, problem.indexOf(':')));
			const required = toJsonSchema(route.body!.schema, 'input').required as string[];
			expect(named.sort(), label).toEqual([...required].sort());
		}
	});
});

describe('GET /api/docs', () => {
	let gateway: Gateway;
	beforeAll(async () => {
		gateway = await startGateway(sqlite);
	});
	afterAll(() => gateway.close());

	it('answers the OpenAPI 3.1 document as JSON', async () => {
		const res = await gateway.client().get('/api/docs/openapi.json');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/json');
		expect(res.body.openapi).toBe('3.1.0');
		expect(Object.keys(res.body.paths)).toContain('/api/sync/push');
	});

	it('answers a self-contained page that renders the operations under the security policy', async () => {
		const res = await gateway.client().get('/api/docs');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
		const csp = res.headers.get('content-security-policy')!;
		expect(csp).toContain("style-src 'self' 'unsafe-inline'");
		const page = String(res.body);
		expect(page).toContain('<code>/api/sync/push</code>');
		expect(page).toContain('<td id="mutation-createQuote"><code>createQuote</code></td>');
		expect(page).toContain('<code>company_link_required</code>');
		// Nothing to run and nothing fetched: the page works offline and needs no script-src.
		expect(page).not.toContain('<script');
		expect(page).not.toMatch(/(src|href)="https?:/);
	});
});
