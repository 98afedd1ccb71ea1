// What the PSA job runner costs on top of the adapter's own work: a quote synced to the Autotask
// simulator as a durable job (claim, rate budget admitted and released per request in the store,
// links committed per record, issue and usage written) beside the same adapter syncing the same
// quote on in-memory rows with a bare fetch. Both talk to a simulator on loopback, so the
// difference is the runner's and the store's.

import { randomUUID } from 'node:crypto';
import type { TableName } from '../../shared/schema/tables.ts';
import { autotaskAdapter } from '../../gateway/connectors/autotask/sync/adapter.ts';
import { autotaskFixture } from '../../gateway/connectors/autotask/test/contract-fixture.ts';
import { autotaskSpec } from '../../gateway/connectors/autotask/spec.ts';
import { contractRows, type ContractRows } from '../../gateway/psa/test/contract-rows.ts';
import { startJobsHarness } from '../../gateway/psa/test/jobs-harness.ts';
import { memorySyncContext } from '../../gateway/psa/test/memory-sync-context.ts';
import { STORE_KINDS } from '../../gateway/test/stores.ts';
import type { Row, Table } from '../lib/report.ts';
import { latency } from '../lib/stats.ts';
import { syncQuoteById } from '../../gateway/psa/test/sync-by-id.ts';

export type PsaBenchOptions = { quotes: number; lines: number; log: (message: string) => void };

/** Another quote of the same customer with its own lines (the customer, contact and products are synced once). */
function nextQuote(base: ContractRows) {
	const quoteId = randomUUID();
	return {
		quote: { ...base.quote, id: quoteId },
		lines: base.lines.map((line) => ({ ...line, id: randomUUID(), quoteId }))
	};
}

async function adapterAlone(o: PsaBenchOptions): Promise<number[]> {
	const tenant = await autotaskFixture.start();
	try {
		const base = contractRows(tenant, o.lines);
		const ctx = memorySyncContext(base.rows, { credentials: tenant.credentials, lookups: tenant.lookups });
		const samples: number[] = [];
		for (let i = 0; i <= o.quotes; i++) {
			const { quote, lines } = nextQuote(base);
			await ctx.tx.put('quotes', quote);
			for (const line of lines) await ctx.tx.put('quoteLines', line);
			const started = performance.now();
			const result = await syncQuoteById(autotaskAdapter, ctx, quote.id);
			if (!result.ok) throw new Error(`The adapter failed: ${result.message}`);
			if (i > 0) samples.push(performance.now() - started);
		}
		return samples;
	} finally {
		await tenant.close();
	}
}

async function throughRunner(kind: (typeof STORE_KINDS)[number], o: PsaBenchOptions): Promise<number[]> {
	const tenant = await autotaskFixture.start();
	const jobs = await startJobsHarness(kind, {
		provider: 'autotask',
		spec: autotaskSpec,
		credentials: tenant.credentials
	});
	try {
		const base = contractRows(tenant, o.lines);
		await jobs.write(async (tx) => {
			const integration = (await tx.get('integrations', 'autotask'))!;
			await tx.put('integrations', { ...integration, lookups: tenant.lookups ?? {} });
			for (const [table, rows] of Object.entries(base.rows) as [TableName, { id: string }[]][]) {
				for (const row of rows) await tx.put(table, row as never);
			}
		});
		const samples: number[] = [];
		for (let i = 0; i <= o.quotes; i++) {
			const { quote, lines } = nextQuote(base);
			await jobs.write(async (tx) => {
				await tx.put('quotes', quote);
				for (const line of lines) await tx.put('quoteLines', line);
			});
			const started = performance.now();
			await jobs.enqueue('syncQuote', quote.id);
			await jobs.runner.runDue();
			if (i > 0) samples.push(performance.now() - started);
			const issue = await jobs.issue('syncQuote', quote.id);
			if (issue) throw new Error(`The job failed: ${issue.message}`);
		}
		return samples;
	} finally {
		await jobs.close();
		await tenant.close();
	}
}

export async function psaTable(o: PsaBenchOptions): Promise<Table> {
	const sets = STORE_KINDS.map((kind) => kind.name);
	const row: Row = {
		metric: `quote sync to Autotask, ${o.lines} lines, as a durable job (p50 / p95)`,
		reference: 'the same adapter on in-memory rows with a bare fetch',
		cells: {}
	};
	for (const kind of STORE_KINDS) {
		o.log(`psa: ${o.quotes} quotes through the adapter alone, then through the runner on ${kind.name}`);
		const reference = latency(await adapterAlone(o));
		const ours = latency(await throughRunner(kind, o));
		row.cells[kind.name] = { ours, reference };
	}
	return {
		title: 'PSA sync: the job runner over the adapter',
		sets,
		rows: [row],
		notes: [
			'Each quote after the first costs the same requests on both sides: opportunity, quote location, quote, one item per line (the customer and products are linked by then).',
			"The runner's share is the claim, the rate budget's admission and release in the store for every request, each link committed as it is made, and the job's end with its issue and usage."
		]
	};
}
