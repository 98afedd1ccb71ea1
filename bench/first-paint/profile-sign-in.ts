// `npx tsx bench/first-paint/profile-sign-in.ts [runs]`: Lighthouse on the sign-in page of the current
// build/ (no rebuild, no RSS runs), printing what makes up its score: the metrics, the main thread's
// long tasks and the scripts behind them, and the requests before first paint. For finding out why,
// not for the figures: the bench's first-paint table gives those.

import { startGatewayProcess } from './gateway-process.ts';
import { lighthouseReport } from './lighthouse-score.ts';

type Item = Record<string, unknown>;

async function profileOnce(baseUrl: string): Promise<void> {
	const lhr = await lighthouseReport(baseUrl, ['performance']);
	const audit = (id: string) => lhr.audits[id]!;
	const items = (id: string) => ((audit(id).details as { items?: Item[] } | undefined)?.items ?? []) as Item[];
	const metric = (id: string) => `${Math.round(audit(id).numericValue ?? Number.NaN)} ms`;
	console.log(
		`score ${Math.round((lhr.categories.performance!.score ?? 0) * 100)}: FCP ${metric('first-contentful-paint')},` +
			` LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')},` +
			` SI ${metric('speed-index')}, TTI ${metric('interactive')}`
	);
	console.log('long tasks (simulated):');
	for (const task of items('long-tasks'))
		console.log(`  ${Math.round(task.startTime as number)} +${Math.round(task.duration as number)} ${task.url}`);
	console.log('script boot-up (simulated):');
	for (const script of items('bootup-time'))
		console.log(
			`  ${script.url}: eval ${Math.round(script.scripting as number)} ms, parse ${Math.round(script.scriptParseCompile as number)} ms`
		);
	console.log('main thread by kind:');
	for (const kind of items('mainthread-work-breakdown'))
		console.log(`  ${kind.groupLabel}: ${Math.round(kind.duration as number)} ms`);
	console.log('LCP element:', JSON.stringify(items('largest-contentful-paint-element')[0] ?? null).slice(0, 300));
	console.log(
		'render-blocking:',
		items('render-blocking-resources')
			.map((r) => r.url)
			.join(', ') || 'none'
	);
	console.log('requests:');
	for (const request of items('network-requests'))
		console.log(
			`  ${Math.round(request.networkRequestTime as number)}–${Math.round(request.networkEndTime as number)} ` +
				`${request.resourceType} ${Math.round((request.transferSize as number) / 102.4) / 10} KB ${request.url}`
		);
}

const runs = Number(process.argv[2] ?? 1);
const gateway = await startGatewayProcess('bundle');
try {
	for (let k = 0; k < runs; k++)
		// A loaded machine sometimes loses Lighthouse's trace (NO_NAVSTART): say so and go on.
		await profileOnce(gateway.baseUrl).catch((error: unknown) => console.log(`run ${k + 1}: ${String(error)}`));
} finally {
	await gateway.stop();
}
