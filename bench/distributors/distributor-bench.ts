// Price and availability for a quote, per distributor: the client (XML built from values, answer
// parsed, checked with zod, read into cents and states) against its simulator on loopback, beside the
// same request sent as a prebuilt string with the answer read as text: the simulator's bare answer.
// The requests each spends are counted by the simulator.

import { createTdSynnexClient } from '../../gateway/connectors/tdsynnex/client/client.ts';
import { buildXml } from '../../gateway/connectors/tdsynnex/client/xml.ts';
import { priceRequestDocument } from '../../gateway/connectors/tdsynnex/client/requests.ts';
import { tdSynnexCredentialsSchema } from '../../gateway/connectors/tdsynnex/client/credentials.ts';
import { tdSynnexDemoProducts } from '../../gateway/connectors/tdsynnex/simulator/demo-tenant.ts';
import { createTdSynnexSimulator } from '../../gateway/connectors/tdsynnex/simulator/simulator.ts';
import type { Row, Table } from '../lib/report.ts';
import { amount, latency } from '../lib/stats.ts';

export type DistributorBenchOptions = { lines: number; runs: number; log: (message: string) => void };

async function tdSynnexRows(o: DistributorBenchOptions): Promise<Row[]> {
	const sim = createTdSynnexSimulator({ log: () => {} });
	const { baseUrl } = await sim.listen();
	try {
		const products = tdSynnexDemoProducts();
		sim.control.seedProducts(products);
		const queries = Array.from({ length: o.lines }, (_, i) => ({ mfgPN: products[i % products.length]!.mfgPN }));
		const credentials = { ...sim.control.credentials, baseUrl };
		const client = createTdSynnexClient({ credentials });
		const prebuilt = buildXml(priceRequestDocument(tdSynnexCredentialsSchema.parse(credentials), queries));
		const bare = async () => {
			const response = await fetch(`${baseUrl}/SynnexXML/PriceAvailability`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/xml' },
				body: prebuilt
			});
			await response.text();
		};
		const ours: number[] = [];
		const reference: number[] = [];
		let calls = 0;
		for (let i = 0; i <= o.runs; i++) {
			const start = performance.now();
			sim.control.resetCalls();
			const answer = await client.priceAvailability(queries);
			const took = performance.now() - start;
			calls = sim.control.totalCalls();
			if (!answer.ok) throw new Error(`TD SYNNEX P&A failed: ${answer.message}`);
			const bareStart = performance.now();
			await bare();
			if (i > 0) {
				ours.push(took);
				reference.push(performance.now() - bareStart);
			}
		}
		return [
			{
				metric: `TD SYNNEX P&A for a ${o.lines}-line quote (p50 / p95)`,
				reference: 'the same request as a prebuilt string, the answer read as text',
				cells: { loopback: { ours: latency(ours), reference: latency(reference) } }
			},
			{
				metric: `TD SYNNEX requests spent on a ${o.lines}-line P&A`,
				reference: 'one request',
				cells: { loopback: { ours: amount(calls, 'requests'), reference: amount(1, 'requests') } }
			}
		];
	} finally {
		await sim.close();
	}
}

export async function distributorTable(o: DistributorBenchOptions): Promise<Table> {
	o.log(`distributors: ${o.runs} P&A runs of ${o.lines} lines against the TD SYNNEX simulator`);
	return {
		title: 'Distributors: price and availability for a quote',
		sets: ['loopback'],
		rows: await tdSynnexRows(o),
		notes: ['Both sides answer from the same simulator; the difference is building, parsing and checking the XML.']
	};
}
