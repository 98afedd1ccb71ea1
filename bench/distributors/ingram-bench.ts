// Price and availability for a 50-line quote at Ingram Micro: the real client (token cache, IM-*
// headers, rate gate, zod on the answer, mapping to cost and stock) beside the simulator's bare answer
// to the same request with a token already in hand. Both over loopback, so the difference is the
// client's; the calls spent per quote are counted by the simulator.

import { createIngramClient } from '../../gateway/connectors/ingrammicro/client/client.ts';
import { buildProduct } from '../../gateway/connectors/ingrammicro/simulator/seed-builders.ts';
import {
	createIngramSimulator,
	SANDBOX_CREDENTIALS
} from '../../gateway/connectors/ingrammicro/simulator/simulator.ts';
import type { Row, Table } from '../lib/report.ts';
import { amount, latency } from '../lib/stats.ts';

export type IngramBenchOptions = { quotes: number; lines: number; log: (message: string) => void };

export async function ingramTable(o: IngramBenchOptions): Promise<Table> {
	// The simulator's per-minute limit is lifted: this measures work, not waiting.
	const sim = createIngramSimulator({ log: () => {}, perMinute: 1_000_000 });
	const { apiUrl } = await sim.listen();
	try {
		const skus = Array.from({ length: o.lines }, (_, i) => `BENCH${String(i).padStart(4, '0')}`);
		sim.control.seedProducts(...skus.map((ingramPartNumber) => buildProduct({ ingramPartNumber })));
		const products = skus.map((ingramPartNumber) => ({ ingramPartNumber, quantity: 1 }));
		const client = createIngramClient({ credentials: { ...SANDBOX_CREDENTIALS, apiUrl } });

		o.log(`distributors: ${o.quotes} P&A requests of ${o.lines} lines through the client, then bare`);
		const ours: number[] = [];
		for (let i = 0; i <= o.quotes; i++) {
			const started = performance.now();
			const answer = await client.priceAndAvailability(products);
			if (!answer.ok) throw new Error(`P&A failed: ${answer.message}`);
			if (i > 0) ours.push(performance.now() - started);
		}
		const calls = sim.control.calls();
		const perQuote = (sim.control.totalCalls() - 1) / (o.quotes + 1);
		if (calls['POST /oauth/oauth20/token'] !== 1) throw new Error(`Expected one token, got ${JSON.stringify(calls)}`);

		const reference = await bareAnswers(apiUrl, products, o.quotes);
		const row: Row = {
			metric: `P&A for a ${o.lines}-line quote (p50 / p95)`,
			reference: "the simulator's bare answer to the same request, token in hand",
			cells: { loopback: { ours: latency(ours), reference: latency(reference) } }
		};
		const callsRow: Row = {
			metric: `calls per ${o.lines}-line P&A, besides one token for all ${o.quotes + 1}`,
			reference: 'one call of at most 50 products',
			cells: { loopback: { ours: amount(perQuote, 'calls'), reference: amount(Math.ceil(o.lines / 50), 'calls') } }
		};
		return {
			title: 'Distributors: Ingram Micro price and availability',
			sets: ['loopback'],
			rows: [row, callsRow],
			notes: [
				"The client's share: the cached token, IM-* headers, the X-RateLimit gate, zod on 50 answers, cost and stock mapping."
			]
		};
	} finally {
		await sim.close();
	}
}

async function bareAnswers(apiUrl: string, products: { ingramPartNumber: string }[], count: number): Promise<number[]> {
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: SANDBOX_CREDENTIALS.clientId,
		client_secret: SANDBOX_CREDENTIALS.clientSecret
	});
	const tokenAnswer = await fetch(`${apiUrl}/oauth/oauth20/token?${form}`);
	const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
	const body = JSON.stringify({ products });
	const samples: number[] = [];
	for (let i = 0; i <= count; i++) {
		const started = performance.now();
		const res = await fetch(
			`${apiUrl}/resellers/v6/catalog/priceandavailability?includeAvailability=true&includePricing=true`,
			{
				method: 'POST',
				headers: {
					Authorization: `Bearer ${token}`,
					'Content-Type': 'application/json',
					'IM-CustomerNumber': SANDBOX_CREDENTIALS.customerNumber,
					'IM-CountryCode': SANDBOX_CREDENTIALS.countryCode,
					'IM-CorrelationID': `bench${i}`
				},
				body
			}
		);
		await res.json();
		if (i > 0) samples.push(performance.now() - started);
	}
	return samples;
}
