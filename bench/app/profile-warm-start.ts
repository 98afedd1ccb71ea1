// `npx tsx bench/app/profile-warm-start.ts [runs]`: warm starts of /quotes on the current build/ (no
// rebuild), printing where each goes: the navigation served by the worker, the page's first script,
// first contentful paint, the first row, and for the last start every request with its start and end.
// `BASELINE=<a copy of an earlier build/>` runs that build beside this one, start for start in turns on
// two devices, so a loaded machine slows both alike. `PROFILE=warm.cpuprofile` writes a CPU profile of
// the last start; `TRACE=warm.json` a Chromium trace of one more (chrome://tracing, Perfetto) and how
// many of its module scripts V8 compiled afresh rather than taking from its code cache. For finding out
// why, not for the figures: the bench's app table gives those.

import { writeFileSync } from 'node:fs';
import { freePort } from '../../gateway/test/gateway-process.ts';
import { startGatewayProcess, type GatewayProcess } from '../first-paint/gateway-process.ts';
import { percentile } from '../lib/stats.ts';
import { openDevice, type Device } from './devices.ts';
import { installWarmStartWatch, moduleCompiles, tracedWarmStart, warmStart } from './warm-start.ts';

type Timing = { name: string; start: number; worker: number; end: number; source?: string };
type Subject = { label: string; origin: string; webDir: string; gateway: GatewayProcess; device?: Device };

const runs = Number(process.argv[2] ?? 10);
const log = (message: string) => console.error(message);

async function subject(label: string, webDir: string): Promise<Subject> {
	const port = await freePort();
	const origin = `http://outpost.bench:${port}`;
	const gateway = await startGatewayProcess('bundle', {
		SANDBOX: 'on',
		PORT: String(port),
		PUBLIC_URL: origin,
		WEB_DIR: webDir
	});
	return { label, origin, webDir, gateway };
}

async function profileStart(device: Device, origin: string, file: string): Promise<void> {
	const cdp = await device.page.context().newCDPSession(device.page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
	await cdp.send('Profiler.start');
	await warmStart(device.page, `${origin}/quotes`);
	const { profile } = await cdp.send('Profiler.stop');
	writeFileSync(file, JSON.stringify(profile));
}

/** Writes the trace of one more warm start and says how many of its modules came from V8's code cache. */
async function traceStart(subject: Subject, file: string): Promise<void> {
	const events = await tracedWarmStart(subject.device!.page, `${subject.origin}/quotes`);
	writeFileSync(file, JSON.stringify({ traceEvents: events }));
	const { modules, cached, afreshCacheable, fromMemoryCache } = moduleCompiles(events, subject.webDir);
	console.log(`trace in ${file}: ${modules} module scripts, ${cached} from V8's code cache`);
	console.log(`  compiled afresh although 1 KiB or more: ${afreshCacheable}`);
	console.log(`  requests answered from the renderer's memory cache: ${fromMemoryCache}`);
}

async function timings(device: Device): Promise<Timing[]> {
	return device.page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
		const round = (n: number) => Math.round(n * 10) / 10;
		const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
			name: r.name.replace(location.origin, ''),
			start: round(r.startTime),
			worker: round(r.workerStart),
			end: round(r.responseEnd),
			// Chromium 132+: where the worker's static routes sent the request (cache, fetch-event).
			source: (r as unknown as { workerFinalSourceType?: string }).workerFinalSourceType
		}));
		const initAt = (globalThis as unknown as { __warmStart: { documentStarted: number } }).__warmStart.documentStarted;
		const marks = performance
			.getEntriesByType('mark')
			.map((m) => ({ name: `mark ${m.name}`, start: 0, worker: 0, end: round(m.startTime) }));
		return [
			{ name: 'navigation', start: round(nav.fetchStart), worker: round(nav.workerStart), end: round(nav.responseEnd) },
			{ name: 'first script of the page', start: 0, worker: 0, end: round(initAt) },
			{ name: 'DOMContentLoaded', start: 0, worker: 0, end: round(nav.domContentLoadedEventEnd) },
			...marks,
			...resources
		];
	});
}

const subjects = [await subject('build/', 'build')];
if (process.env.BASELINE) subjects.unshift(await subject(`baseline ${process.env.BASELINE}`, process.env.BASELINE));
try {
	for (const s of subjects) {
		s.device = await openDevice(s.origin, 'sales@demo.outpost.test', log);
		await installWarmStartWatch(s.device.page);
	}
	const samples = new Map<Subject, Record<string, number[]>>(subjects.map((s) => [s, {}]));
	const last = new Map<Subject, Timing[]>();
	for (let k = 0; k < runs + 2; k++) {
		for (const s of subjects) {
			const marks = await warmStart(s.device!.page, `${s.origin}/quotes`);
			const all = await timings(s.device!);
			if (k < 2) continue;
			last.set(s, all);
			const note = (key: string, value: number) => (samples.get(s)![key] ??= []).push(value);
			const before = all.filter((t) => t.end <= marks.dataPainted && t.name.startsWith('/_app/'));
			note('navigation served', all[0]!.end);
			note('first script of the page', all[1]!.end);
			note('DOMContentLoaded', all[2]!.end);
			note('app requests before the first row', before.length);
			note('last app request before the first row ends', Math.max(...before.map((t) => t.end)));
			note('first contentful paint', marks.shellPainted);
			note('first row painted', marks.dataPainted);
			note('first row after the first script', marks.dataPainted - all[1]!.end);
			for (const t of all) if (t.name.startsWith('mark ')) note(t.name, t.end);
		}
	}
	for (const s of subjects) {
		console.log(`${s.label}: ${runs} warm starts, medians (p95) in ms from the navigation's start:`);
		for (const [key, values] of Object.entries(samples.get(s)!)) {
			const sorted = values.sort((a, b) => a - b);
			console.log(`  ${key}: ${Math.round(percentile(sorted, 50))} (${Math.round(percentile(sorted, 95))})`);
		}
	}
	const mine = subjects.at(-1)!;
	console.log(`${mine.label}, the last start request by request (start, worker start, end, source):`);
	for (const t of last.get(mine) ?? []) console.log(`  ${t.start} ${t.worker} ${t.end} ${t.name} ${t.source ?? ''}`);
	if (process.env.PROFILE) await profileStart(mine.device!, mine.origin, process.env.PROFILE);
	if (process.env.TRACE) await traceStart(mine, process.env.TRACE);
} finally {
	for (const s of subjects) {
		await s.device?.close();
		await s.gateway.stop();
	}
}
