// The main thread's handle on the load worker (load-worker.mjs): one job at a time, in order.

import { Worker } from 'node:worker_threads';

type Headers = Record<string, string>;
/** `count` rounds of one request to each target in turn (after `warmup` untimed rounds). */
export type LatencyJob = {
	targets: { url: string; bodies: string[] }[];
	headers: Headers;
	count: number;
	warmup: number;
};
/** Each client sends its bodies one after another until they run out or the time is up. */
export type ThroughputJob = { url: string; headers: Headers; clients: string[][]; durationMs: number };
/** GETs `probe` every `intervalMs` while the `load` bodies are POSTed in turn (or `count` times without load). */
export type ProbeJob = {
	probe: string;
	headers: Headers;
	intervalMs: number;
	load: { url: string; bodies: string[] } | null;
	count: number;
};
export type ThroughputResult = {
	requests: number;
	errors: number;
	seconds: number;
	firstError: string | null;
	/** Requests each client completed, so a later job can go on where this one stopped. */
	sent: number[];
};

export type LoadClient = {
	/** Per-request milliseconds (request sent to response body parsed), one array per target. */
	latency(job: LatencyJob): Promise<number[][]>;
	throughput(job: ThroughputJob): Promise<ThroughputResult>;
	/** Per-probe milliseconds. */
	probe(job: ProbeJob): Promise<number[]>;
	close(): Promise<void>;
};

type Reply = { ok: true; result: { kind: string } } | { ok: false; error: string };

export function startLoadWorker(): LoadClient {
	const worker = new Worker(new URL('./load-worker.mjs', import.meta.url));
	let queue: Promise<unknown> = Promise.resolve();

	function run<T>(job: object): Promise<T> {
		const next = queue.then(
			() =>
				new Promise<T>((resolve, reject) => {
					const onError = (error: Error) => {
						worker.off('message', onMessage);
						reject(error);
					};
					const onMessage = (reply: Reply) => {
						worker.off('error', onError);
						if (reply.ok) resolve(reply.result as T);
						else reject(new Error(reply.error));
					};
					worker.once('message', onMessage);
					worker.once('error', onError);
					worker.postMessage(job);
				})
		);
		queue = next.catch(() => undefined);
		return next;
	}

	return {
		async latency(job) {
			return (await run<{ samples: number[][] }>({ kind: 'latency', ...job })).samples;
		},
		throughput: (job) => run<ThroughputResult>({ kind: 'throughput', ...job }),
		async probe(job) {
			return (await run<{ samples: number[] }>({ kind: 'probe', ...job })).samples;
		},
		async close() {
			await worker.terminate();
		}
	};
}
