// --only=first-paint: what a first visit costs a phone and what the gateway costs its host. Builds
// the PWA and the gateway's bundle from the current sources, then measures the built app served by
// the real gateway: the sign-in page's scripts on the wire, Lighthouse's mobile score, and the
// gateway's idle memory as the bundle against tsx, alternating runs.

import type { Row, Table } from '../lib/report.ts';
import { amount } from '../lib/stats.ts';
import { TARGETS } from '../lib/targets.ts';
import { buildApp } from './build-app.ts';
import { idleRss, startGatewayProcess } from './gateway-process.ts';
import { lighthouseSignIn } from './lighthouse-score.ts';
import { firstScreenScripts } from './wire-bytes.ts';

export type FirstPaintOptions = { rssRuns: number; idleMs: number; log: (message: string) => void };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

export async function firstPaintTable(options: FirstPaintOptions): Promise<Table> {
	const { log } = options;
	log('first paint: building the PWA and the gateway bundle');
	buildApp();

	const rss = { bundle: [] as number[], tsx: [] as number[] };
	for (let k = 0; k < options.rssRuns; k++) {
		log(`first paint: gateway idle RSS, run ${k + 1} of ${options.rssRuns}`);
		rss.bundle.push(await idleRss('bundle', options.idleMs));
		rss.tsx.push(await idleRss('sources', options.idleMs));
	}

	const gateway = await startGatewayProcess('bundle');
	try {
		log('first paint: the sign-in page in Chromium');
		const scripts = await firstScreenScripts(gateway.baseUrl);
		log('first paint: Lighthouse (mobile preset)');
		const score = await lighthouseSignIn(gateway.baseUrl);
		const cells = (ours: ReturnType<typeof amount>, reference: ReturnType<typeof amount>) => ({
			chromium: { ours, reference }
		});
		const rows: Row[] = [
			{
				metric: `first-screen JS on the wire, sign-in page (${scripts.files} files)`,
				reference: 'the same scripts decoded',
				target: TARGETS.firstScreenJs,
				cells: cells(amount(scripts.transferredKB, 'KB'), amount(scripts.decodedKB, 'KB'))
			},
			{
				metric: 'Lighthouse mobile performance, sign-in page',
				reference: 'accessibility score, same run',
				target: TARGETS.lighthousePerformance,
				cells: cells(amount(score.performance, 'points', false), amount(score.accessibility, 'points', false))
			},
			{
				metric: `gateway RSS, idle after start (bundle, median of ${options.rssRuns})`,
				reference: 'the same gateway through tsx',
				target: TARGETS.gatewayIdleRss,
				cells: cells(amount(median(rss.bundle), 'MB'), amount(median(rss.tsx), 'MB'))
			}
		];
		return {
			title: 'First paint and gateway start (built app, real gateway, headless Chromium)',
			sets: ['chromium'],
			rows,
			notes: [
				`Lighthouse: ${score.details}.`,
				`Idle RSS after ${options.idleMs / 1000} s, SANDBOX=off; bundle runs ${rss.bundle.map((x) => x.toFixed(0)).join(', ')} MB, tsx ${rss.tsx.map((x) => x.toFixed(0)).join(', ')} MB.`
			]
		};
	} finally {
		await gateway.stop();
	}
}
