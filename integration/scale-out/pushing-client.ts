// A client that pushes new quotes through the load balancer as a device would: one push at a time,
// the same push again after a network error or a 5xx (a replica died under it), until the gateway
// answers it. It counts what the gateway acknowledged and which replica answered.

import type { HttpClient } from '../../gateway/test/http-harness.ts';
import { syncClient, uid } from '../../gateway/test/wire-client.ts';
import type { WireMutation } from '../../shared/sync/protocol.ts';

const MAX_ATTEMPTS = 50;
const RETRY_MS = 50;

export type PushRun = {
	clientID: string;
	/** Ids of the quotes whose createQuote the gateway acknowledged (applied, or a duplicate of one applied). */
	acknowledged: string[];
	/** Mutation ids the gateway acknowledged, in order. */
	mutationIDs: number[];
	/** Attempts that failed (no answer, or a 5xx) and were sent again. */
	retries: number;
	/** How many pushes each replica answered. */
	byReplica: Record<string, number>;
};

export async function pushQuotes(
	http: HttpClient,
	options: { pushes: number; perPush: number; afterEach?: (run: PushRun) => void | Promise<void> }
): Promise<PushRun> {
	const sync = syncClient(http);
	const run: PushRun = { clientID: sync.clientID, acknowledged: [], mutationIDs: [], retries: 0, byReplica: {} };
	for (let p = 0; p < options.pushes; p++) {
		const quoteIds = Array.from({ length: options.perPush }, () => uid('q'));
		const mutations = quoteIds.map((id) =>
			sync.m('createQuote', { id, companyId: 'company-acme', title: `Load ${id}` })
		);
		const results = await pushUntilAnswered(sync.push.bind(sync), mutations, run);
		for (const [k, mutation] of mutations.entries()) {
			const result = results.find((r) => r.id === mutation.id);
			if (!result) throw new Error(`no verdict on mutation ${mutation.id}`);
			if (result.status === 'rejected') throw new Error(`${quoteIds[k]} was rejected: ${result.code}`);
			run.acknowledged.push(quoteIds[k]!);
			run.mutationIDs.push(result.id);
		}
		await options.afterEach?.(run);
	}
	return run;
}

async function pushUntilAnswered(push: ReturnType<typeof syncClient>['push'], mutations: WireMutation[], run: PushRun) {
	for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
		try {
			const res = await push(mutations);
			if (res.status === 200) {
				const replica = res.headers.get('x-outpost-replica') ?? '(none)';
				run.byReplica[replica] = (run.byReplica[replica] ?? 0) + 1;
				return res.body.results;
			}
			if (res.status < 500) throw new Error(`push answered ${res.status}: ${JSON.stringify(res.body)}`);
		} catch (error) {
			if (!(error instanceof TypeError)) throw error;
			// fetch failed: the connection dropped before an answer.
		}
		run.retries += 1;
		await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
	}
	throw new Error(`no answer to a push after ${MAX_ATTEMPTS} attempts`);
}
