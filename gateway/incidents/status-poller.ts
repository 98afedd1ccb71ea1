// Polls the status page configured on each integration (settings.statusPageUrl) and keeps one vendor
// incident per system in step with it. Every URL passes the outbound policy; a page that cannot be
// read changes nothing (the vendor's page being down is not the vendor being down).

import type { IncidentSystem } from '../../shared/schema/incident-entities.ts';
import { TABLES } from '../../shared/schema/tables.ts';
import { outboundFetch } from '../connectors/common/outbound-fetch.ts';
import type { OutboundPolicy } from '../connectors/common/outbound-policy.ts';
import type { FetchLike } from '../connectors/common/transport-core.ts';
import type { ReplicatedWriter } from '../jobs/replicated-write.ts';
import type { Store } from '../store/store.ts';
import { closeIncident, findOpen, openIncident, reviseIncident } from './incident-rows.ts';
import { decideVendor, readStatusFeed, statusFeedSchema, type VendorState } from './status-feed.ts';

export type StatusPoller = {
	/** One poll of every configured page; answers how many pages were read. */
	pollAll(): Promise<number>;
	start(everyMs: number): void;
	stop(): void;
};

export type StatusPollerDeps = {
	store: Store;
	write: ReplicatedWriter;
	outbound: OutboundPolicy;
	fetch?: FetchLike;
	clock?: { now(): number };
	timeoutMs?: number;
	log?: (message: string, detail?: unknown) => void;
};

export function createStatusPoller(deps: StatusPollerDeps): StatusPoller {
	const clock = deps.clock ?? Date;
	const log = deps.log ?? ((message, detail) => console.error(message, detail));
	const fetchPage = outboundFetch(deps.outbound, deps.fetch ?? fetch);

	async function read(url: string): Promise<VendorState | null> {
		try {
			const response = await fetchPage(url, {
				method: 'GET',
				headers: { Accept: 'application/json' },
				signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000)
			});
			if (!response.ok) return null;
			const parsed = statusFeedSchema.safeParse(await response.json());
			return parsed.success ? readStatusFeed(parsed.data) : null;
		} catch (error) {
			log(`The status page ${url} could not be read`, error instanceof Error ? error.message : error);
			return null;
		}
	}

	async function apply(orgId: string, system: IncidentSystem, state: VendorState) {
		const now = clock.now();
		await deps.write(orgId, async (tx) => {
			const open = await findOpen(tx, system, 'vendor');
			const decision = decideVendor(state, open ?? null);
			if (decision.action === 'open') {
				await openIncident(tx, { system, source: 'vendor', kind: decision.kind, cause: decision.cause, now });
			} else if (decision.action === 'update' && open) {
				await reviseIncident(tx, open, decision.kind, decision.cause, now);
			} else if (decision.action === 'close' && open) {
				await closeIncident(tx, open, now, 'The status page reports all systems operational.');
			}
		});
	}

	async function pollAll(): Promise<number> {
		const rows = await deps.store.db
			.selectFrom('entities')
			.select(['org_id', 'value'])
			.where('tbl', '=', 'integrations')
			.where('deleted', '=', 0)
			.execute();
		let pages = 0;
		for (const row of rows) {
			const integration = TABLES.integrations.schema.parse(JSON.parse(row.value));
			const url = integration.settings.statusPageUrl;
			if (!url) continue;
			const state = await read(url);
			if (!state) continue;
			pages++;
			// Only a change is written: an unchanged page costs no version and wakes no device.
			const open = await openVendorIncident(row.org_id, integration.id);
			if (decideVendor(state, open).action !== 'none') await apply(row.org_id, integration.id, state);
		}
		return pages;
	}

	async function openVendorIncident(orgId: string, system: IncidentSystem) {
		const rows = await deps.store.db
			.selectFrom('entities')
			.select('value')
			.where('org_id', '=', orgId)
			.where('tbl', '=', 'incidents')
			.where('parent', '=', system)
			.where('deleted', '=', 0)
			.execute();
		const open = rows
			.map((r) => TABLES.incidents.schema.parse(JSON.parse(r.value)))
			.find((i) => i.source === 'vendor' && i.endedAt === null);
		return open ?? null;
	}

	let timer: ReturnType<typeof setInterval> | null = null;
	let running = false;
	return {
		pollAll,
		start(everyMs) {
			timer ??= setInterval(() => {
				if (running) return;
				running = true;
				pollAll()
					.catch((error: unknown) => log('Polling status pages failed', error))
					.finally(() => (running = false));
			}, everyMs);
			(timer as { unref?(): void }).unref?.();
		},
		stop() {
			if (timer) clearInterval(timer);
			timer = null;
		}
	};
}
