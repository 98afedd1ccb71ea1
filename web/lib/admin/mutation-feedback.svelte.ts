// Runs an admin screen's mutations and keeps, per control, the sentence of the last local refusal,
// so each control can show it beside itself. A change that the gateway refuses later is shown by
// the layout's rejection notices instead; the control only knows what this device decided.

import type { MutationArgs, MutationName } from '../../../shared/mutations/registry.ts';
import type { Replica } from '../sync/replica.svelte.ts';
import { serialQueue } from '../sync/serial-queue.ts';

export class MutationFeedback<K extends string> {
	errors = $state<Partial<Record<K, string>>>({});
	readonly #replica: () => Replica | null;

	constructor(replica: () => Replica | null) {
		this.#replica = replica;
	}

	/** Applies the mutation on this device (it syncs later); false when it was refused here. */
	async run<N extends MutationName>(key: K, name: N, args: MutationArgs<N>): Promise<boolean> {
		const replica = this.#replica();
		if (!replica) return this.fail(key, 'Outpost is still opening this device’s data. Try again in a moment.');
		const result = await replica.mutate(name, args);
		if (!result.ok) return this.fail(key, result.message);
		this.clear(key);
		return true;
	}

	/**
	 * Runs changes one after another. A change made from a list (roles, methods, domains) reads the
	 * row inside `task`, so two quick taps each see the other's write instead of both starting from
	 * the row as it was rendered.
	 */
	readonly serial = serialQueue();

	fail(key: K, message: string): false {
		this.errors[key] = message;
		return false;
	}

	clear(key: K): void {
		delete this.errors[key];
	}
}
