// A client that speaks the sync wire protocol directly over a signed-in HTTP client, for gateway
// tests that need exact control over mutation ids, cookies and pages.

import { expect } from 'vitest';
import type { MutationArgs, MutationName } from '../../shared/mutations/registry.ts';
import type { Cookie, MutationResult, PullResponse, WireMutation } from '../../shared/sync/protocol.ts';
import type { HttpClient, JsonResponse } from './http-harness.ts';

let seq = 0;
export const uid = (prefix: string) => `${prefix}-${++seq}-${crypto.randomUUID().slice(0, 8)}`;

/** Present only on a refusal; typed alongside the success body so a test can read either. */
export type Refusal = { error: { code: string; message: string } };

/** One client (tab) of one client group, speaking the wire protocol over the signed-in HTTP client. */
export function syncClient(http: HttpClient, clientGroupID = uid('cg'), clientID = uid('c')) {
	let nextID = 1;
	return {
		clientGroupID,
		clientID,
		/** The next mutation of this client, numbered in order. */
		m<N extends MutationName>(name: N, args: MutationArgs<N>): WireMutation {
			return { id: nextID++, name, args, timestamp: Date.now() };
		},
		raw(name: string, args: unknown): WireMutation {
			return { id: nextID++, name, args, timestamp: Date.now() };
		},
		push(
			mutations: WireMutation[],
			extra: object = {}
		): Promise<JsonResponse<{ results: MutationResult[] } & Refusal>> {
			return http.post('/api/sync/push', { clientGroupID, clientID, mutations, ...extra });
		},
		pull(cookie: Cookie | null, extra: object = {}): Promise<JsonResponse<PullResponse & Refusal>> {
			return http.post('/api/sync/pull', { clientGroupID, clientID, cookie, ...extra });
		},
		/** Pulls page after page until `more` is false. */
		async pullAll(cookie: Cookie | null): Promise<PullResponse[]> {
			const pages: PullResponse[] = [];
			for (;;) {
				const res = await http.post<PullResponse>('/api/sync/pull', { clientGroupID, clientID, cookie });
				expect(res.status, JSON.stringify(res.body)).toBe(200);
				pages.push(res.body);
				cookie = res.body.cookie;
				if (!res.body.more) return pages;
				expect(pages.length).toBeLessThan(100);
			}
		}
	};
}

/** The replica a client would hold after applying these pages, keyed `table/id`. */
export function replay(pages: PullResponse[], start = new Map<string, unknown>()) {
	const state = new Map(start);
	for (const page of pages) {
		for (const op of page.patch) {
			if (op.op === 'clear') state.clear();
			else if (op.op === 'put') state.set(`${op.table}/${op.id}`, op.value);
			else state.delete(`${op.table}/${op.id}`);
		}
	}
	return state;
}
