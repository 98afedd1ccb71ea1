// Which distributor webhook events an organisation has already applied, so a replayed or redelivered
// delivery changes nothing. A delivery claims its event id before anything is read from the
// distributor (two copies arriving at once: one wins) and gives the claim back if it cannot finish, so
// the distributor's redelivery is applied. Ids older than REPLAY_WINDOW_MS are pruned as new ones
// arrive: growth is bounded by an organisation's events in that window. A replay older than that
// still changes nothing wrong: an event only makes Outpost read the order's state again.

import type { Store } from '../store/store.ts';

export const REPLAY_WINDOW_MS = 30 * 24 * 60 * 60_000;

export type WebhookEvents = {
	/** True when this delivery is the first to claim the id. */
	claim(orgId: string, source: string, eventId: string, now: number): Promise<boolean>;
	release(orgId: string, source: string, eventId: string): Promise<void>;
};

export function createWebhookEvents(store: Store): WebhookEvents {
	return {
		async claim(orgId, source, eventId, now) {
			return store.write(async (trx) => {
				await trx
					.deleteFrom('webhook_events')
					.where('org_id', '=', orgId)
					.where('source', '=', source)
					.where('received_at', '<', now - REPLAY_WINDOW_MS)
					.execute();
				const inserted = await trx
					.insertInto('webhook_events')
					.values({ org_id: orgId, source, event_id: eventId, received_at: now })
					.onConflict((oc) => oc.columns(['org_id', 'source', 'event_id']).doNothing())
					.executeTakeFirst();
				return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
			});
		},
		async release(orgId, source, eventId) {
			await store.db
				.deleteFrom('webhook_events')
				.where('org_id', '=', orgId)
				.where('source', '=', source)
				.where('event_id', '=', eventId)
				.execute();
		}
	};
}
