// Runs tasks one after another, in the order they were queued. A screen's change that reads the row
// it rewrites runs inside a task, so two quick taps each see the other's write instead of both
// starting from what was rendered. A task that fails rejects its own promise and the next one runs.

export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function serialQueue(): SerialQueue {
	let tail: Promise<unknown> = Promise.resolve();
	return (task) => {
		const next = tail.then(task);
		tail = next.catch(() => undefined);
		return next;
	};
}
