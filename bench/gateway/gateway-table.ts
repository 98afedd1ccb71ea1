// Runs the gateway bench on every store that is up and lays the results out as one table, one
// column set per store.

import type { Row, Table } from '../lib/report.ts';
import { TARGETS } from '../lib/targets.ts';
import { openPostgresBench, openSqliteBench, postgresReachable, type BenchStore } from './bench-stores.ts';
import { benchGateway, GATEWAY_ROWS, type GatewayBenchOptions, type GatewayRow } from './gateway-bench.ts';
import { startLoadWorker } from './load-client.ts';

const ROWS: Record<GatewayRow, Omit<Row, 'cells'>> = {
	pullNoopHttp: {
		metric: 'pull, nothing new (HTTP round trip)',
		reference: 'bare Hono, same-size JSON',
		target: TARGETS.pullNoop
	},
	pullNoopHandler: {
		metric: 'pull, nothing new (processPull in-process)',
		reference: 'raw SQL no-op query, 1 tx',
		target: TARGETS.pullNoopHandler
	},
	pullDeltaHttp: {
		metric: 'pull, delta of 100 rows (HTTP)',
		reference: 'bare Hono, same-size JSON',
		target: TARGETS.pullDelta100
	},
	pullDeltaSql: { metric: 'pull, delta of 100 rows (HTTP)', reference: 'raw SQL delta query, 1 tx' },
	pushOne: {
		metric: 'push, 1 mutation (HTTP)',
		reference: 'raw SQL upsert of its rows, 1 tx',
		target: TARGETS.pushOne
	},
	pushOneHttp: { metric: 'push, 1 mutation (HTTP)', reference: 'bare Hono, same body' },
	pushHundred: {
		metric: 'push, 100 mutations in 1 request (HTTP)',
		reference: 'raw SQL upsert of their rows, 1 tx',
		target: TARGETS.pushHundred
	},
	singlePushes: {
		metric: 'throughput: 1-mutation pushes, 4 clients',
		reference: 'bare Hono req/s, same bodies',
		target: TARGETS.singlePushesPerSecond
	},
	batchedMutations: {
		metric: 'throughput: 100-mutation pushes, 4 clients',
		reference: 'bare Hono req/s, same bodies (ratio per request)',
		target: TARGETS.batchedMutationsPerSecond
	},
	healthDuringImport: {
		metric: 'health probe during a bulk import (HTTP)',
		reference: 'the same probe at rest',
		target: TARGETS.healthDuringImport
	}
};

/** Postgres's push of 100 against SQLite's, from the same run: what a replica fleet starts behind. */
const POSTGRES_VS_SQLITE: Omit<Row, 'cells'> = {
	metric: 'push, 100 mutations in 1 request (HTTP)',
	reference: 'the SQLite figure of this run',
	target: TARGETS.postgresPushHundred
};

export async function gatewayTable(options: GatewayBenchOptions): Promise<Table> {
	const notes = [
		'Latencies are p50 / p95 in ms (sequential requests from a worker thread, keep-alive); the ratio compares p50s.',
		'Pushes are addQuoteLine into draft quotes (10 lines a quote for single pushes; 100-mutation pushes fill one fresh quote each).',
		`Background data: ${options.backgroundLines.toLocaleString('en-US')} quote lines of ~600 B in the org.`,
		`The bulk import writes ${options.importProducts.toLocaleString('en-US')} products (1,000 per importProducts, as many per push as one push's work allows) while GET /api/health is probed every 5 ms.`
	];
	const kinds: { name: string; open(): Promise<BenchStore> }[] = [{ name: 'sqlite', open: openSqliteBench }];
	const problem = await postgresReachable();
	if (problem === null) kinds.push({ name: 'postgres', open: openPostgresBench });
	else notes.push(`PostgreSQL is unreachable (${problem}): SQLite only.`);

	const rows: Row[] = GATEWAY_ROWS.map((key) => ({ ...ROWS[key], cells: {} }));
	const load = startLoadWorker();
	try {
		for (const kind of kinds) {
			const bench = await kind.open();
			try {
				const cells = await benchGateway(bench, load, options);
				GATEWAY_ROWS.forEach((key, k) => (rows[k]!.cells[kind.name] = cells[key]));
			} finally {
				await bench.close();
			}
		}
	} finally {
		await load.close();
	}
	const hundred = rows[GATEWAY_ROWS.indexOf('pushHundred')]!.cells;
	if (hundred.sqlite && hundred.postgres) {
		const cells = { postgres: { ours: hundred.postgres.ours, reference: hundred.sqlite.ours } };
		rows.splice(GATEWAY_ROWS.indexOf('pushHundred') + 1, 0, { ...POSTGRES_VS_SQLITE, cells });
	}
	return { title: 'Gateway (Node, loopback HTTP)', sets: kinds.map((k) => k.name), rows, notes };
}
