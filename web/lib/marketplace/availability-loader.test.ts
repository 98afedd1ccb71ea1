import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AvailabilityAnswer } from '../../../shared/marketplace/availability.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { createAvailabilityLoader, FRESH_FOR_MS } from './availability-loader.ts';

const NOW = 1_800_000_000_000;

function answerFor(parts: string[], asOf = NOW): AvailabilityAnswer {
	return {
		asOf,
		distributors: [{ distributor: 'tdsynnex', state: 'answered', message: null }],
		parts: parts.map((part) => ({ part, offers: [], picked: null }))
	};
}

describe('the availability loader', () => {
	let db: LocalDb;
	let asked: string[][];
	let release: (() => void)[];
	beforeEach(() => {
		db = openTestDb();
		asked = [];
		release = [];
	});
	afterEach(() => destroyTestDb(db));

	const loader = (over: { online?: boolean; hold?: boolean } = {}) =>
		createAvailabilityLoader({
			db,
			now: () => NOW,
			online: () => over.online ?? true,
			gatherMs: 1,
			fetchAnswer: async (parts) => {
				asked.push(parts);
				if (over.hold) await new Promise<void>((resolve) => release.push(resolve));
				return answerFor(parts);
			}
		});

	it('sends the parts asked for together in one request, each once, and keeps the answers', async () => {
		const l = loader();
		l.want('A-1');
		l.want('B-2');
		l.want('A-1');
		await l.settled();
		expect(asked).toEqual([['A-1', 'B-2']]);
		expect(await db.availability.get('B-2')).toMatchObject({ part: 'B-2', fetchedAt: NOW, picked: null });
	});

	it('never asks for a part again while it is on its way', async () => {
		const l = loader({ hold: true });
		l.want('A-1');
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect([...l.inFlight()]).toEqual(['A-1']);
		l.want('A-1');
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(asked).toEqual([['A-1']]);
		release.forEach((r) => r());
		await l.settled();
		expect(asked).toEqual([['A-1']]);
	});

	it('does not ask for a part it fetched recently, and asks again once that answer is old', async () => {
		await db.availability.put({ ...answerFor(['A-1']).parts[0]!, fetchedAt: NOW - 60_000, distributors: [] });
		await db.availability.put({ ...answerFor(['B-2']).parts[0]!, fetchedAt: NOW - FRESH_FOR_MS, distributors: [] });
		const l = loader();
		l.want('A-1');
		l.want('B-2');
		await l.settled();
		expect(asked).toEqual([['B-2']]);
	});

	it('asks nothing offline, nor for a part that cannot be a part number', async () => {
		const off = loader({ online: false });
		off.want('A-1');
		await off.settled();
		const on = loader();
		on.want('');
		on.want('bad\u0000part');
		await on.settled();
		expect(asked).toEqual([]);
	});
});
