// One signed-in person pushing hostile mutations as a fresh client each time, then pulling to see
// what the gateway acknowledged. The checks every push must pass live here, so each fuzzer states
// only what it sends: no 5xx, a result per mutation, refusals with a code and a sentence (never the
// crash code), the client's lastMutationID at the last mutation sent, and pulled rows whose ids are
// the ids inside them.

import { expect } from 'vitest';
import type { Cookie, MutationResult, PullResponse } from '../../shared/sync/protocol.ts';
import type { HttpClient } from '../test/http-harness.ts';
import { uid } from '../test/wire-client.ts';
import { shown } from './fuzz-parameters.ts';
import { toJsonText } from './hostile-json.ts';

export type FuzzMutation = { name: string; args: unknown };

export function syncActor(http: HttpClient, label: string) {
	const clientGroupID = uid(`fz-cg-${label}`);
	let cookie: Cookie | null = null;

	/** Pulls to the end from the last cookie; returns the lastMutationIDs it was told about. */
	async function pullToEnd(context: string): Promise<Record<string, number>> {
		const changes: Record<string, number> = {};
		for (let page = 0; page < 50; page++) {
			const res = await http.post<PullResponse>('/api/sync/pull', {
				clientGroupID,
				clientID: uid('fz-puller'),
				cookie
			});
			expect(res.status, `pull after ${context}: ${shown(JSON.stringify(res.body))}`).toBe(200);
			for (const op of res.body.patch) {
				if (op.op !== 'put') continue;
				const inside = (op.value as { id?: unknown }).id;
				if (typeof inside === 'string') expect(op.id, `${op.table} row pulled after ${context}`).toBe(inside);
			}
			Object.assign(changes, res.body.lastMutationIDChanges);
			cookie = res.body.cookie;
			if (!res.body.more) return changes;
		}
		throw new Error(`pull after ${context} did not end in 50 pages`);
	}

	return {
		label,
		/** Pushes the mutations as ids 1..n of a new client and checks everything listed above. */
		async push(mutations: FuzzMutation[]): Promise<MutationResult[]> {
			const clientID = uid(`fz-c-${label}`);
			const wire = mutations.map((m, k) => ({ id: k + 1, name: m.name, args: m.args, timestamp: Date.now() }));
			const text = toJsonText({ clientGroupID, clientID, mutations: wire });
			const context = `${label} pushed ${shown(text)}`;
			const res = await http.post<{ results: MutationResult[] }>('/api/sync/push', undefined, { raw: text });
			expect(res.status, `${context}\n→ ${shown(JSON.stringify(res.body))}`).toBe(200);
			expect(
				res.body.results.map((r) => r.id),
				context
			).toEqual(wire.map((m) => m.id));
			for (const result of res.body.results) {
				if (result.status !== 'rejected') {
					expect(result.status, context).toBe('applied');
					continue;
				}
				expect(result.code, `${context}\n→ ${result.message}`).toMatch(/^[a-z][a-z_]+$/);
				expect(result.code, `${context}\n→ ${result.message}`).not.toBe('internal');
				expect(result.message.trim(), context).not.toBe('');
			}
			const changes = await pullToEnd(context);
			expect(changes[clientID], `lastMutationID of the client after ${context}`).toBe(wire.length);
			return res.body.results;
		},
		pullToEnd
	};
}

export type SyncActor = ReturnType<typeof syncActor>;
