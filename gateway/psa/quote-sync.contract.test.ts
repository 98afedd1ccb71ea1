// One outbound quote sync contract, run against each provider's adapter and simulator (issue 7): every
// record is created once, in the fewest calls; re-syncs and resumed runs duplicate nothing; refused
// credentials and lost connections fail the way the job runner expects.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autotaskFixture } from '../connectors/autotask/test/contract-fixture.ts';
import { connectwiseFixture } from '../connectors/connectwise/test/contract-fixture.ts';
import { haloFixture } from '../connectors/halopsa/test/contract-fixture.ts';
import { addedSince, contractRows, recordCounts, type ContractRows } from './test/contract-rows.ts';
import { resetAt } from './test/reset-at.ts';
import { memorySyncContext, type MemorySyncContext } from './test/memory-sync-context.ts';
import type { SandboxTenant } from './test/provider-fixture.ts';
import { syncQuoteById } from './test/sync-by-id.ts';
import { loadQuoteToSync } from '../jobs/sync-inputs.ts';
import type { OutpostReader } from './provider.ts';

/** The rows of a QuoteToSync: the runner reads them once, so an adapter never asks for them. */
const HANDED_OVER = new Set(['quotes', 'quoteLines', 'companies', 'contacts', 'users']);

const once = (lines: number) => ({
	companies: 1,
	contacts: 1,
	opportunities: 1,
	quotes: 1,
	quoteItems: lines,
	products: lines
});
const nothing = { ...once(0), companies: 0, contacts: 0, opportunities: 0, quotes: 0 };

describe.each([autotaskFixture, connectwiseFixture, haloFixture])('quote sync contract on $provider', (fixture) => {
	let tenant: SandboxTenant;
	beforeEach(async () => {
		tenant = await fixture.start();
	});
	afterEach(() => tenant.close());

	const context = ({ rows }: ContractRows, options: { resumed?: boolean } = {}) =>
		memorySyncContext(rows, {
			credentials: tenant.credentials,
			settings: tenant.settings,
			lookups: tenant.lookups,
			resumed: options.resumed ?? false
		});

	/** A later run of the same job after the process died: the PSA kept its records, Outpost lost these links. */
	const resumedWith = (quote: ContractRows, first: MemorySyncContext, keptKinds: string[]) => {
		const ctx = context(quote, { resumed: true });
		for (const [key, value] of first.linkMap) {
			if (keptKinds.some((kind) => key.startsWith(`${kind}:`))) ctx.linkMap.set(key, value);
		}
		return ctx;
	};

	it.each([1, 3])('a first sync of %i lines creates each record once, in firstSyncCalls(lines) calls', async (n) => {
		const quote = contractRows(tenant, n);
		const [before, calls] = [recordCounts(tenant), tenant.calls()];

		const synced = await syncQuoteById(fixture.adapter, context(quote), quote.quote.id);

		expect(synced).toMatchObject({ ok: true, value: { warnings: [] } });
		expect(addedSince(tenant, before)).toEqual(once(n));
		expect(tenant.calls() - calls).toBe(fixture.firstSyncCalls(n));
	});

	it('reads none of the rows the runner loaded and handed over', async () => {
		const quote = contractRows(tenant, 2);
		const ctx = context(quote);
		const input = await loadQuoteToSync(ctx.data, quote.quote.id);
		if (!input.ok) throw new Error(input.message);
		const read: string[] = [];
		const data: OutpostReader = {
			get: (table, id) => (read.push(table), ctx.data.get(table, id)),
			byIndex: (table, field, value) => (read.push(table), ctx.data.byIndex(table, field, value)),
			all: (table) => (read.push(table), ctx.data.all(table))
		};

		expect(await fixture.adapter.syncQuote({ ...ctx, data }, input.value)).toMatchObject({ ok: true });
		expect(read.filter((table) => HANDED_OVER.has(table))).toEqual([]);
	});

	it('a second sync after changing one line and removing another duplicates nothing', async () => {
		const quote = contractRows(tenant, 3);
		const before = recordCounts(tenant);
		const ctx = context(quote);
		expect(await syncQuoteById(fixture.adapter, ctx, quote.quote.id)).toMatchObject({ ok: true });

		await ctx.tx.put('quoteLines', { ...quote.lines[0]!, quantity: 7 });
		await ctx.tx.delete('quoteLines', quote.lines[1]!.id);
		const again = await syncQuoteById(fixture.adapter, ctx, quote.quote.id);

		expect(again).toMatchObject({ ok: true, value: { warnings: [] } });
		expect(addedSince(tenant, before)).toEqual({ ...once(3), quoteItems: 2 });
	});

	it.each([
		['only the company and contact links survived', ['companies', 'contacts']],
		['every link was lost', []]
	])('a resumed run creates no duplicates when %s', async (_, keptKinds) => {
		const quote = contractRows(tenant, 3);
		const before = recordCounts(tenant);
		const first = context(quote);
		expect(await syncQuoteById(fixture.adapter, first, quote.quote.id)).toMatchObject({ ok: true });

		const resumed = await syncQuoteById(fixture.adapter, resumedWith(quote, first, keptKinds), quote.quote.id);

		expect(resumed).toMatchObject({ ok: true, value: { warnings: [] } });
		expect(addedSince(tenant, before)).toEqual(once(3));
	});

	it('refused credentials are a permanent failure whose root cause is the credentials', async () => {
		const quote = contractRows(tenant, 1);
		const before = recordCounts(tenant);
		tenant.failNext('unauthorized');

		const synced = await syncQuoteById(fixture.adapter, context(quote), quote.quote.id);

		expect(synced).toEqual({
			ok: false,
			kind: 'permanent',
			health: 'auth_failed',
			message: fixture.authFailureMessage,
			rootCause: { kind: 'credentials' }
		});
		expect(addedSince(tenant, before)).toEqual(nothing);
	});

	it('a reset connection is a transient failure the adapter leaves to the runner to retry', async () => {
		const quote = contractRows(tenant, 2);
		const calls = tenant.calls();
		tenant.failNext('connection_reset');

		expect(await syncQuoteById(fixture.adapter, context(quote), quote.quote.id)).toMatchObject({
			ok: false,
			kind: 'transient'
		});
		expect(tenant.calls() - calls).toBe(1);
	});

	it.each(['before', 'after'] as const)(
		'a retry after a reset at any request of a first sync, %s the PSA got it, completes it without duplicates',
		async (when) => {
			await tenant.close();
			for (let at = 1; at <= fixture.firstSyncCalls(2); at++) {
				tenant = await fixture.start();
				const quote = contractRows(tenant, 2);
				const [before, calls] = [recordCounts(tenant), tenant.calls()];
				const first = context(quote);
				const failed = await syncQuoteById(
					fixture.adapter,
					{ ...first, fetch: resetAt(tenant, first.fetch, at, when) },
					quote.quote.id
				);
				expect(failed, `reset at request ${at}`).toMatchObject({ ok: false, kind: 'transient' });
				expect(tenant.calls() - calls, `reset at request ${at}`).toBe(at);

				const retried = await syncQuoteById(fixture.adapter, { ...first, resumed: true }, quote.quote.id);
				expect(retried, `retry after a reset at request ${at}`).toMatchObject({ ok: true });
				expect(addedSince(tenant, before), `retry after a reset at request ${at}`).toEqual(once(2));
				if (at < fixture.firstSyncCalls(2)) await tenant.close();
			}
		}
	);
});
