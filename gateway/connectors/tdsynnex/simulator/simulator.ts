// createTdSynnexSimulator(opts): TD SYNNEX's EC Express XML API in-process, speaking the wire shapes of
// psa-apis.md §5.2 over real HTTP on its own loopback port: `POST /SynnexXML/PriceAvailability`,
// `/SynnexXML/PO` and `/SynnexXML/POStatus`, credentials in the XML body, errors inside 200 answers,
// a 503 page in a maintenance window.

import { Hono, type Context } from 'hono';
import { createFaultQueue } from '../../common/simulator/fault-queue.ts';
import {
	createLoopbackServer,
	inProcessFetch,
	resetConnection,
	type SocketBindings
} from '../../common/simulator/loopback.ts';
import { buildXml, parseXml, type XmlDocument } from '../client/xml.ts';
import { createCatalog } from './catalog.ts';
import { createTdSynnexControl, type TdSynnexSimulatorControl } from './control.ts';
import {
	priceAvailability,
	purchaseOrder,
	purchaseOrderStatus,
	type EndpointDeps,
	type SimCredentials
} from './endpoints.ts';
import type { Fault } from './faults.ts';
import { createOrders } from './orders.ts';

export type { TdSynnexSimulatorControl } from './control.ts';
export type { FaultSpec } from './faults.ts';
export type { SimCredentials } from './endpoints.ts';

/** The sandbox account, used when no credentials are given. */
export const SANDBOX_CREDENTIALS: SimCredentials = {
	userName: 'ec-user@sandbox.outpost.test',
	password: 'outpost-sandbox-secret',
	customerNumber: '780980'
};

export type TdSynnexSimulatorOptions = {
	credentials?: SimCredentials;
	clock?: { now(): number };
	sleep?: (ms: number) => Promise<void>;
	/** TD SYNNEX refuses a PO number it already has ("DUPPLICATED", §5.2); false plays a distributor that does not. */
	rejectDuplicates?: boolean;
	/** Sandbox mode: orders ship this long after they were placed (backordered lines after three times). */
	autoShipAfterMs?: number | null;
	log?: (message: string, detail?: unknown) => void;
};

export type TdSynnexSimulator = {
	app: Hono<{ Bindings: SocketBindings }>;
	control: TdSynnexSimulatorControl;
	fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
	/** Serves on loopback and answers the base URL to give the client's credentials. */
	listen(options?: { port?: number; hostname?: string }): Promise<{ baseUrl: string }>;
	close(): Promise<void>;
};

const HANDLERS: Record<string, (deps: EndpointDeps, doc: XmlDocument, fault: Fault | null) => XmlDocument> = {
	'/SynnexXML/PriceAvailability': priceAvailability,
	'/SynnexXML/PO': purchaseOrder,
	'/SynnexXML/POStatus': purchaseOrderStatus
};

const MAINTENANCE_PAGE =
	'<html><head><title>Maintenance</title></head><body>EC Express is down for scheduled maintenance. Please try again later.</body></html>';

export function createTdSynnexSimulator(opts: TdSynnexSimulatorOptions = {}): TdSynnexSimulator {
	const now = () => (opts.clock ?? Date).now();
	const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	const credentials = opts.credentials ?? SANDBOX_CREDENTIALS;
	const catalog = createCatalog();
	const orders = createOrders({
		catalog,
		now,
		rejectDuplicates: opts.rejectDuplicates ?? true,
		firstOrderNumber: 19_236_858
	});
	const faults = createFaultQueue<Fault>();
	const calls = new Map<string, number>();
	const triggers = new Map<number, 'connection_reset' | 'reset_after'>();
	const maintenance: { from: number; until: number }[] = [];
	let served = 0;
	const deps: EndpointDeps = { catalog, orders, credentials, now, autoShipAfterMs: opts.autoShipAfterMs ?? null };

	const app = new Hono<{ Bindings: SocketBindings }>();
	app.post('/SynnexXML/:service', async (c) => {
		const path = new URL(c.req.url).pathname;
		const handler = HANDLERS[path];
		if (!handler) return c.text(`No such EC Express service: ${path}`, 404);
		calls.set(`POST ${path}`, (calls.get(`POST ${path}`) ?? 0) + 1);
		served += 1;
		const trigger = triggers.get(served);
		triggers.delete(served);
		const fault = faults.take('POST', path, path);
		if (trigger === 'connection_reset' || fault?.kind === 'connection_reset') return resetConnection(c);
		if (fault?.kind === 'delay') await sleep(fault.ms);
		const inWindow = maintenance.some((w) => now() >= w.from && now() < w.until);
		if (inWindow || fault?.kind === 'maintenance') return maintenancePage(c, fault);
		const parsed = parseXml(await c.req.text());
		const answer = parsed.ok
			? handler(deps, parsed.value, fault)
			: { errorResponse: { errorDetail: `The request is not valid XML: ${parsed.problem}` } };
		if (trigger === 'reset_after' || fault?.kind === 'reset_after') return resetConnection(c);
		return c.body(buildXml(answer), 200, { 'Content-Type': 'application/xml; charset=utf-8' });
	});
	app.notFound((c) => c.text(`No such EC Express resource: ${c.req.method} ${new URL(c.req.url).pathname}`, 404));
	app.onError((error, c) => {
		(opts.log ?? console.error)('TD SYNNEX simulator failed', error);
		return c.text('Internal error in the TD SYNNEX simulator', 500);
	});

	const server = createLoopbackServer('TD SYNNEX', app.fetch);
	return {
		app,
		control: createTdSynnexControl({
			catalog,
			orders,
			faults,
			credentials,
			calls,
			triggers,
			served: () => served,
			maintenance
		}),
		fetch: inProcessFetch(app),
		async listen(options = {}) {
			return { baseUrl: await server.listen(options) };
		},
		close: server.close
	};
}

function maintenancePage(c: Context<{ Bindings: SocketBindings }>, fault: Fault | null): Response {
	const retryAfter = fault?.kind === 'maintenance' ? fault.retryAfterSeconds : undefined;
	return c.html(MAINTENANCE_PAGE, 503, retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) });
}
