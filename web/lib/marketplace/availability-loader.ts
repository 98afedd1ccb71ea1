// Fetches price and availability for the parts on screen, in the background: parts asked for within
// a moment are sent together (at most 100 a request), a part already being fetched is never asked
// again until its answer is in, one fetched recently is not asked at all, and nothing is asked while
// the device is offline. Answers land in the local `availability` table; screens read that table.

import {
	AVAILABILITY_MAX_PARTS,
	availabilityAnswerSchema,
	partNumberSchema,
	type AvailabilityAnswer
} from '../../../shared/marketplace/availability.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { requestJson } from '../platform/json-request.ts';

/** An answer younger than this is shown without asking again. */
export const FRESH_FOR_MS = 10 * 60_000;

export type AvailabilityLoaderOptions = {
	db: Pick<LocalDb, 'availability'>;
	/** The gateway's answer, or null when it could not be had (offline, refused, unexpected). */
	fetchAnswer?: (parts: string[]) => Promise<AvailabilityAnswer | null>;
	online?: () => boolean;
	now?: () => number;
	/** How long to gather parts before one request goes out. */
	gatherMs?: number;
};

export type AvailabilityLoader = {
	/** Asks for `part` soon unless it is fresh, already on its way, or the device is offline. */
	want(part: string): void;
	/** Parts being fetched now. */
	inFlight(): ReadonlySet<string>;
	/** Resolves when nothing is queued or in flight (tests). */
	settled(): Promise<void>;
};

export async function fetchAvailability(parts: string[]): Promise<AvailabilityAnswer | null> {
	const answer = await requestJson('/api/marketplace/availability', { body: { parts } });
	if (!answer.reached || !answer.ok) return null;
	const parsed = availabilityAnswerSchema.safeParse(answer.body);
	return parsed.success ? parsed.data : null;
}

export function createAvailabilityLoader(options: AvailabilityLoaderOptions): AvailabilityLoader {
	const fetchAnswer = options.fetchAnswer ?? fetchAvailability;
	const online = options.online ?? (() => globalThis.navigator?.onLine ?? true);
	const now = options.now ?? Date.now;
	const queued = new Set<string>();
	const flying = new Set<string>();
	let timer: ReturnType<typeof setTimeout> | null = null;
	let running: Promise<void> = Promise.resolve();

	async function flush() {
		timer = null;
		const parts = [...queued];
		queued.clear();
		const cached = await options.db.availability.bulkGet(parts);
		const due = parts.filter((part, i) => !flying.has(part) && !isFresh(cached[i]?.fetchedAt, now()));
		const requests: Promise<void>[] = [];
		for (let start = 0; start < due.length; start += AVAILABILITY_MAX_PARTS) {
			requests.push(ask(due.slice(start, start + AVAILABILITY_MAX_PARTS)));
		}
		await Promise.all(requests);
	}

	async function ask(parts: string[]) {
		parts.forEach((part) => flying.add(part));
		try {
			const answer = await fetchAnswer(parts);
			if (!answer) return;
			await options.db.availability.bulkPut(
				answer.parts.map((p) => ({ ...p, fetchedAt: answer.asOf, distributors: answer.distributors }))
			);
		} finally {
			parts.forEach((part) => flying.delete(part));
		}
	}

	return {
		want(part) {
			const checked = partNumberSchema.safeParse(part);
			if (!checked.success || !online()) return;
			if (flying.has(checked.data)) return;
			queued.add(checked.data);
			timer ??= setTimeout(() => {
				running = running.then(flush, flush);
			}, options.gatherMs ?? 30);
		},
		inFlight: () => flying,
		async settled() {
			while (timer !== null || flying.size > 0 || queued.size > 0) {
				await new Promise((resolve) => setTimeout(resolve, 5));
				await running;
			}
		}
	};
}

function isFresh(fetchedAt: number | undefined, now: number): boolean {
	return fetchedAt !== undefined && now - fetchedAt < FRESH_FOR_MS;
}
