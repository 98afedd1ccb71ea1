// The door between the test network and a gateway that restarts: a restart closes it, waits for the
// requests in transit to be answered, does its work and opens it again; requests that arrive
// meanwhile wait at the door. So the devices see every answer the gateway gave.

export type TransitGate = {
	/** Carries one request to the gateway and back, once the door is open. */
	transit<T>(carry: () => Promise<T>): Promise<T>;
	/** Runs `work` with the door closed and nothing in transit. */
	closedFor(work: () => Promise<void>): Promise<void>;
};

export function createTransitGate(): TransitGate {
	let gate: Promise<void> | null = null;
	let inTransit = 0;
	let drained: (() => void) | null = null;
	return {
		async transit(carry) {
			while (gate) await gate;
			inTransit += 1;
			try {
				return await carry();
			} finally {
				inTransit -= 1;
				if (inTransit === 0) drained?.();
			}
		},
		async closedFor(work) {
			while (gate) await gate;
			let open = () => {};
			gate = new Promise<void>((resolve) => (open = resolve));
			try {
				while (inTransit > 0) await new Promise<void>((resolve) => (drained = resolve));
				await work();
			} finally {
				gate = null;
				drained = null;
				open();
			}
		}
	};
}
