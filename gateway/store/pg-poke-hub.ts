// Pokes across gateway replicas on PostgreSQL (DESIGN section 6): poke() sends NOTIFY, and every
// replica's LISTEN connection hands the notification to its own local streams, this one included.
// The payload is JSON, the organisation and the tables that changed ({"o":…,"t":[…]}, at most 14
// short names, far below NOTIFY's 8,000 bytes); a bare organisation id (an older replica) means any table.

import pg from 'pg';
import { z } from 'zod';
import { createPokeHub, type PokeHub } from '../sync/poke-hub.ts';

const CHANNEL = 'outpost_pokes';
const RECONNECT_MS = 1_000;

export async function createPgPokeHub(
	databaseUrl: string,
	log: (message: string, detail?: unknown) => void = console.error
): Promise<PokeHub> {
	const local = createPokeHub();
	const notifier = new pg.Pool({ connectionString: databaseUrl, max: 2 });
	let listener: pg.Client | null = null;
	let closed = false;

	async function listen(): Promise<void> {
		const client = new pg.Client({ connectionString: databaseUrl });
		client.on('notification', (message) => {
			const poke = message.payload ? parsePoke(message.payload) : null;
			if (poke) local.poke(poke.orgId, poke.tables);
		});
		client.on('error', (error) => {
			log('The poke listener lost its connection; reconnecting', error);
			listener = null;
			void client.end().catch(() => {});
			if (!closed) setTimeout(() => void listen().catch(() => {}), RECONNECT_MS);
		});
		await client.connect();
		await client.query(`LISTEN ${CHANNEL}`);
		listener = client;
	}

	await listen();
	return {
		subscribe: local.subscribe,
		size: local.size,
		poke(orgId, tables) {
			if (tables?.length === 0) return;
			const payload = JSON.stringify({ o: orgId, t: tables });
			notifier.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch((error: unknown) => {
				// The other replicas miss this one; their 60 s safety pull still catches up.
				log('NOTIFY failed; poking local streams only', error);
				local.poke(orgId, tables);
			});
		},
		close() {
			closed = true;
			local.close();
			void listener?.end().catch(() => {});
			void notifier.end().catch(() => {});
		}
	};
}

const payloadSchema = z.object({ o: z.string(), t: z.array(z.string()).optional() });

export function parsePoke(payload: string): { orgId: string; tables: string[] | undefined } | null {
	if (!payload.startsWith('{')) return { orgId: payload, tables: undefined };
	let parsed: unknown;
	try {
		parsed = JSON.parse(payload);
	} catch {
		return null;
	}
	const checked = payloadSchema.safeParse(parsed);
	return checked.success ? { orgId: checked.data.o, tables: checked.data.t } : null;
}
