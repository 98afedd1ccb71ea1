// Two gateway replicas on one PostgreSQL: a push to one pokes the event streams of the other.

import { afterEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway, type HttpClient } from '../test/http-harness.ts';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { createPgPokeHub, parsePoke } from './pg-poke-hub.ts';

const postgres = STORE_KINDS.find((k) => k.name === 'postgres');
const POSTGRES_URL = process.env.OUTPOST_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Resolves with the first SSE event name in `names` that the stream sends, or 'timeout'. */
async function nextEvent(url: string, client: HttpClient, names: string[], timeoutMs: number): Promise<string> {
	const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	const abort = new AbortController();
	const timer = setTimeout(() => abort.abort(), timeoutMs);
	try {
		const response = await fetch(url, { headers: { cookie }, signal: abort.signal });
		const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
		let buffered = '';
		for (;;) {
			const { value, done } = await reader.read();
			if (done) return 'closed';
			buffered += value;
			for (const name of names) if (buffered.includes(`event: ${name}`)) return name;
		}
	} catch {
		return 'timeout';
	} finally {
		clearTimeout(timer);
		abort.abort();
	}
}

describe.runIf(postgres)('pokes across replicas through LISTEN/NOTIFY', () => {
	let opened: TestStore;
	const gateways: Gateway[] = [];

	afterEach(async () => {
		for (const g of gateways.splice(0)) await g.close();
		await opened?.close();
	});

	it('a push to replica A reaches a stream open on replica B', async () => {
		opened = await postgres!.open();
		for (let k = 0; k < 2; k++) {
			gateways.push(
				await startGateway(postgres!, { store: opened.store, pokes: await createPgPokeHub(POSTGRES_URL, () => {}) })
			);
		}
		const [a, b] = gateways as [Gateway, Gateway];
		const adminOnB = await b.login('admin@demo.outpost.test');
		const salesOnA = await a.login('sales@demo.outpost.test');

		const viewerOnB = await b.login('viewer@demo.outpost.test');
		const heard = nextEvent(`${b.baseUrl}/api/sync/events`, adminOnB, ['poke'], 5_000);
		// The table list travels with the notification: a Product viewer on B is not poked for a quote.
		const viewerHeard = nextEvent(`${b.baseUrl}/api/sync/events`, viewerOnB, ['poke'], 1_500);
		await new Promise((r) => setTimeout(r, 200)); // let the stream subscribe before the push
		const pushed = await salesOnA.post('/api/sync/push', {
			clientGroupID: 'g-replicas',
			clientID: 'c-replicas',
			mutations: [
				{
					id: 1,
					name: 'createQuote',
					args: { id: 'q-replicas', companyId: 'company-acme', title: 'Across' },
					timestamp: 1
				}
			]
		});
		expect(pushed.status).toBe(200);
		expect(await heard).toBe('poke');
		expect(await viewerHeard).toBe('timeout');
	});
});

describe('poke payloads', () => {
	it('carry the organisation and the tables; a bare id from an older replica means any table', () => {
		expect(parsePoke('{"o":"org-demo","t":["quotes","quoteLines"]}')).toEqual({
			orgId: 'org-demo',
			tables: ['quotes', 'quoteLines']
		});
		expect(parsePoke('org-demo')).toEqual({ orgId: 'org-demo', tables: undefined });
		expect(parsePoke('{"o":1}')).toBeNull();
		expect(parsePoke('{not json')).toBeNull();
	});
});
