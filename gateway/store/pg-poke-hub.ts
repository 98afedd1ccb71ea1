// Pokes across gateway replicas on PostgreSQL (DESIGN section 6): poke() sends NOTIFY, and every
// replica's LISTEN connection hands the notification to its own local streams, this one included.

import pg from 'pg';
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
		client.on('notification', (message) => message.payload && local.poke(message.payload));
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
		poke(orgId) {
			notifier.query('SELECT pg_notify($1, $2)', [CHANNEL, orgId]).catch((error: unknown) => {
				// The other replicas miss this one; their 60 s safety pull still catches up.
				log('NOTIFY failed; poking local streams only', error);
				local.poke(orgId);
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
