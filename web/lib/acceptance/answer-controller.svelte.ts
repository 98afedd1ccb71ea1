// The customer's answer to one quote on this device: sends acceptQuote / declineQuote as local
// mutations (so it works offline), follows the answer while it waits in the outbox, and recognises
// the gateway's refusal of it. What to show is decided by answerView(); this class only gathers it.

import type { StoredRejection } from '../platform/local-db.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { live } from '../sync/live.svelte.ts';
import { latestAnswer, type AnswerKind, type Refusal } from './answer-view.ts';

type Sent = { kind: AnswerKind; mutationID: number };

export class AnswerController {
	/** A refusal decided on this device, before anything was queued (the quote changed here already). */
	localRefusal = $state<Refusal | null>(null);
	busy = $state(false);
	/** The answer this screen queued last, so the gateway's refusal of it can be told apart. */
	#sent = $state<Sent | null>(null);
	readonly #replica: () => Replica | null;
	readonly #quoteId: () => string;
	readonly #outbox;
	readonly #rejection;

	constructor(replica: () => Replica | null, quoteId: () => string) {
		this.#replica = replica;
		this.#quoteId = quoteId;
		this.#outbox = live<{ id: number; name: string; args: unknown }[]>([], () => {
			const db = replica()?.db;
			return db ? () => db.outbox.toArray() : null;
		});
		this.#rejection = live<StoredRejection | null>(null, () => {
			const db = replica()?.db;
			const sent = this.#sent;
			if (!db) return null;
			// Without an answer sent from here the query still runs, so a dismissed refusal clears.
			return async () =>
				sent
					? ((await db.rejections
							.filter((r) => r.mutationID === sent.mutationID && r.name === mutationName(sent.kind))
							.first()) ?? null)
					: null;
		});
	}

	/** The answer still waiting to be sent, if any (it survives a reload: the outbox is on disk). */
	get pending(): AnswerKind | null {
		return latestAnswer(this.#outbox.current, this.#quoteId())?.kind ?? null;
	}

	get refusal(): Refusal | null {
		if (this.localRefusal) return this.localRefusal;
		const rejection = this.#rejection.current;
		if (!rejection || rejection.dismissed === 1) return null;
		return {
			kind: rejection.name === 'acceptQuote' ? 'accept' : 'decline',
			code: rejection.code,
			message: rejection.message
		};
	}

	get online(): boolean {
		return this.#replica()?.status.connection === 'connected';
	}

	accept(name: string, contentHash: string): Promise<boolean> {
		return this.#answer('accept', () =>
			this.#replica()!.mutate('acceptQuote', { id: this.#quoteId(), name, contentHash })
		);
	}

	decline(reason: string): Promise<boolean> {
		return this.#answer('decline', () => this.#replica()!.mutate('declineQuote', { id: this.#quoteId(), reason }));
	}

	/** After a refusal: forget it here and in the layout's notices, so the person can answer again. */
	async dismiss(): Promise<void> {
		const replica = this.#replica();
		const rejection = this.#rejection.current;
		this.localRefusal = null;
		this.#sent = null;
		if (replica && rejection) await replica.dismissRejection(rejection.clientID, rejection.mutationID);
	}

	async #answer(kind: AnswerKind, run: () => ReturnType<Replica['mutate']>): Promise<boolean> {
		const replica = this.#replica();
		if (!replica || this.busy) return false;
		this.busy = true;
		try {
			const result = await run();
			if (!result.ok) {
				this.localRefusal = { kind, code: result.code, message: result.message };
				return false;
			}
			this.localRefusal = null;
			// Read at once: the entry leaves the outbox only after a push and a pull have both completed.
			const queued = latestAnswer(await replica.db.outbox.toArray(), this.#quoteId());
			this.#sent = queued ? { kind, mutationID: queued.mutationID } : null;
			return true;
		} finally {
			this.busy = false;
		}
	}
}

function mutationName(kind: AnswerKind): string {
	return kind === 'accept' ? 'acceptQuote' : 'declineQuote';
}
