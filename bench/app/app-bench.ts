// --only=app: the built app as a device runs it. Builds the PWA and the gateway's bundle, starts the
// gateway as production does (sandbox on, for the demo organisation and its users), and drives two
// headless Chromium devices with profiles on disk: a warm start served by the service worker, and
// an edit on one device until another device's DOM shows it, each beside a same-run reference.

import { randomUUID } from 'node:crypto';
import type { Row, Table } from '../lib/report.ts';
import { amount, latency } from '../lib/stats.ts';
import { TARGETS } from '../lib/targets.ts';
import { MIN_POKE_INTERVAL_MS as POKE_SPACING_MS } from '../../gateway/sync/poke-events.ts';
import { buildApp } from '../first-paint/build-app.ts';
import { freePort } from '../../gateway/test/gateway-process.ts';
import { BUILT_WEB_DIR, startGatewayProcess } from '../first-paint/gateway-process.ts';
import { openDevice, type Device } from './devices.ts';
import { bareRoundTrip, editToDevice, openBareListener, titleField } from './edit-to-device.ts';
import { installWarmStartWatch, moduleCompiles, tracedWarmStart, warmStart } from './warm-start.ts';

export type AppBenchOptions = { warmStarts: number; edits: number; warmup: number; log: (message: string) => void };

/** A demo draft both devices may open; device A's user (sales) may edit it. */
const QUOTE_ID = 'quote-acme-firewall';
const APP_HOST = 'outpost.bench';

const settle = () => new Promise((resolve) => setTimeout(resolve, POKE_SPACING_MS + 50));

export async function appTable(o: AppBenchOptions): Promise<Table> {
	o.log('app: building the PWA and the gateway bundle');
	buildApp();
	// A public name, not localhost: Dexie turns its debug mode (long stack traces) on for localhost
	// and 127.0.0.1, which no deployment runs with. Chromium resolves it and treats it as secure.
	const port = await freePort();
	const origin = `http://${APP_HOST}:${port}`;
	const gateway = await startGatewayProcess('bundle', { SANDBOX: 'on', PORT: String(port), PUBLIC_URL: origin });
	const devices: Device[] = [];
	try {
		o.log('app: signing in device A (sales) and device B (admin), first sync');
		const a = await openDevice(origin, 'sales@demo.outpost.test', o.log);
		devices.push(a);
		const b = await openDevice(origin, 'admin@demo.outpost.test', o.log);
		devices.push(b);

		o.log(`app: ${o.warmStarts} warm starts of the quote list on device A`);
		await installWarmStartWatch(a.page);
		const started: number[] = [];
		const shell: number[] = [];
		const data: number[] = [];
		for (let k = 0; k < o.warmup + o.warmStarts; k++) {
			const marks = await warmStart(a.page, `${origin}/quotes`);
			if (k < o.warmup) continue;
			started.push(marks.documentStarted);
			shell.push(marks.shellPainted);
			data.push(marks.dataPainted);
		}
		o.log('app: one more warm start, traced, for its modules and V8’s code cache');
		const compiles = moduleCompiles(await tracedWarmStart(a.page, `${origin}/quotes`), BUILT_WEB_DIR);

		o.log(`app: ${o.edits} edits on device A rendered on device B, beside the bare round trip`);
		for (const device of [a, b]) {
			await device.page.goto(`${origin}/quotes/${QUOTE_ID}`);
			await titleField(device.page).waitFor();
		}
		const bareA = await a.context.newPage();
		const bareB = await b.context.newPage();
		await bareA.goto(`${origin}/api/health`);
		await bareB.goto(`${origin}/api/health`);
		await openBareListener(bareB);
		const bareClient = randomUUID();
		const ours: number[] = [];
		const bare: number[] = [];
		for (let k = 0; k < o.warmup + o.edits; k++) {
			// The gateway spaces one stream's pokes by 250 ms: each edit starts after that has passed.
			await settle();
			const mine = await editToDevice(a.page, b.page, `Firewall replacement ${k}`);
			// The bare push changes the same title: B's editor shows it too before the next edit starts.
			const title = `Firewall replacement ${k} (bare)`;
			await settle();
			const reference = await bareRoundTrip(bareA, bareB, {
				clientID: bareClient,
				mutationID: k + 1,
				quoteId: QUOTE_ID,
				title
			});
			await b.page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, title);
			await a.page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, title);
			if (k < o.warmup) continue;
			ours.push(mine);
			bare.push(reference);
		}

		const rows: Row[] = [
			{
				metric: 'warm start: service worker shell → first quote rows painted',
				reference: "the shell's first contentful paint, same navigation",
				target: TARGETS.warmStart,
				cells: { chromium: { ours: latency(data), reference: latency(shell) } }
			},
			{
				metric: 'warm start: service worker shell → first quote rows painted',
				reference: "the page's first script, same navigation (the document exists)",
				cells: { chromium: { ours: latency(data), reference: latency(started) } }
			},
			{
				metric: 'warm start: module scripts of 1 KiB or more compiled afresh, not from V8’s code cache',
				reference: 'module scripts the same start compiled',
				cells: {
					chromium: {
						ours: amount(compiles.afreshCacheable, 'modules'),
						reference: amount(compiles.modules, 'modules')
					}
				}
			},
			{
				metric: 'edit on device A → shown in device B’s DOM (push, poke, pull)',
				reference: 'the same push, poke and pull bare (fetch, EventSource)',
				target: TARGETS.editToOtherDevice,
				cells: { chromium: { ours: latency(ours), reference: latency(bare) } }
			}
		];
		return {
			title: 'The built app on two devices (real gateway, service worker, headless Chromium)',
			sets: ['chromium'],
			rows,
			notes: [
				`Warm start: ${o.warmStarts} navigations to /quotes on a device signed in and synced, each from about:blank, times from the navigation's start; the row counts when the frame after the first row entered the DOM begins.`,
				`Edits: ${o.edits} title changes on device A (sales) in the quote editor, timed to device B's (admin, another profile) heading; each alternates with a bare push from A and a bare pull on B's poke.`,
				`Code cache: of the ${compiles.modules} module scripts of one more warm start (traced), ${compiles.cached} came with compiled code, and ${compiles.fromMemoryCache} requests from the renderer's memory cache: a start that lands in a new renderer compiles everything again (docs/adr/0002). V8 caches nothing under 1 KiB.`,
				'The gateway runs in sandbox mode (the demo organisation); its simulated PSAs can poke in the background.'
			]
		};
	} finally {
		for (const device of devices) await device.close();
		await gateway.stop();
	}
}
