// HTTP load from a worker thread, so the requests' client-side cost (sending, JSON parsing) runs on
// the other core instead of the gateway's event loop. Jobs come in as messages; each answers once.
// node:http with a keep-alive agent: about half the client CPU of fetch (undici) per request here,
// which matters on two cores. Plain JavaScript: worker threads do not inherit tsx's loader on Node 20.
// Job shapes: load-client.ts.

import http from 'node:http';
import { parentPort } from 'node:worker_threads';

// A pooled socket idle for 4 s is dropped before the server's keep-alive timeout (5 s) closes it:
// under load, a socket left idle by the throughput clients was otherwise reused just as the server
// closed it, and the health probe that followed died with "socket hang up".
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });

/** POSTs `body`, or GETs when there is none. */
function send(url, headers, body) {
	return new Promise((resolve, reject) => {
		const request = http.request(
			url,
			body === undefined
				? { method: 'GET', agent, headers }
				: { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
			(response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('error', reject);
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					try {
						JSON.parse(text);
					} catch (error) {
						reject(error);
						return;
					}
					// A push answers 200 with per-mutation results; a rejected mutation is an error for a bench.
					resolve({ ok: response.statusCode === 200 && !text.includes('"status":"rejected"'), text });
				});
			}
		);
		request.on('error', reject);
		request.end(body);
	});
}

/** Sequential requests; with several targets, one of each per round, so drift hits them alike. */
async function latency(job) {
	const body = (target, i) => target.bodies[i % target.bodies.length];
	for (let i = 0; i < job.warmup; i++) for (const t of job.targets) await send(t.url, job.headers, body(t, i));
	const samples = job.targets.map(() => []);
	for (let i = 0; i < job.count; i++) {
		for (const [k, t] of job.targets.entries()) {
			const t0 = performance.now();
			const { ok, text } = await send(t.url, job.headers, body(t, job.warmup + i));
			samples[k].push(performance.now() - t0);
			if (!ok) throw new Error(`${t.url} answered: ${text.slice(0, 300)}`);
		}
	}
	return { kind: 'latency', samples };
}

async function throughput(job) {
	let requests = 0;
	let errors = 0;
	let firstError = null;
	const t0 = performance.now();
	const deadline = t0 + job.durationMs;
	const sent = job.clients.map(() => 0);
	await Promise.all(
		job.clients.map(async (bodies, c) => {
			for (const body of bodies) {
				if (performance.now() >= deadline) return;
				const { ok, text } = await send(job.url, job.headers, body);
				sent[c] += 1;
				requests += 1;
				if (!ok) {
					errors += 1;
					firstError ??= text.slice(0, 300);
				}
			}
		})
	);
	return { kind: 'throughput', requests, errors, seconds: (performance.now() - t0) / 1000, firstError, sent };
}

/**
 * GETs `probe` every `intervalMs` (one at a time) while `load` bodies are POSTed one after another,
 * or `count` times when there is no load; answers the probe latencies.
 */
async function probe(job) {
	const samples = [];
	let loading = job.load !== null;
	const loaded = (async () => {
		if (!job.load) return;
		try {
			for (const body of job.load.bodies) {
				const { ok, text } = await send(job.load.url, job.headers, body);
				if (!ok) throw new Error(`${job.load.url} answered: ${text.slice(0, 300)}`);
			}
		} finally {
			loading = false;
		}
	})();
	const more = () => (job.load ? loading : samples.length < job.count);
	while (more()) {
		const t0 = performance.now();
		await send(job.probe, job.headers, undefined);
		samples.push(performance.now() - t0);
		await new Promise((resolve) => setTimeout(resolve, job.intervalMs));
	}
	await loaded;
	return { kind: 'probe', samples };
}

const JOBS = { latency, throughput, probe };

parentPort.on('message', async (job) => {
	try {
		const result = await JOBS[job.kind](job);
		parentPort.postMessage({ ok: true, result });
	} catch (error) {
		parentPort.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
	}
});
