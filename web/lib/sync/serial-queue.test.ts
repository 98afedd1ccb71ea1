import { describe, expect, it } from 'vitest';
import { serialQueue } from './serial-queue.ts';

describe('serialQueue', () => {
	it('starts a task only once the one queued before it has settled', async () => {
		const serial = serialQueue();
		const order: string[] = [];
		let releaseFirst!: () => void;
		const first = serial(async () => {
			order.push('first started');
			await new Promise<void>((resolve) => (releaseFirst = resolve));
			order.push('first finished');
			return 1;
		});
		const second = serial(async () => {
			order.push('second started');
			return 2;
		});
		await Promise.resolve();
		await Promise.resolve();
		expect(order).toEqual(['first started']);
		releaseFirst();
		expect([await first, await second]).toEqual([1, 2]);
		expect(order).toEqual(['first started', 'first finished', 'second started']);
	});

	it('runs the next task after one that failed, and rejects only the failed one', async () => {
		const serial = serialQueue();
		const failed = serial(async () => {
			throw new Error('boom');
		});
		const next = serial(async () => 'ran');
		await expect(failed).rejects.toThrow('boom');
		expect(await next).toBe('ran');
	});

	it('keeps separate queues apart', async () => {
		const a = serialQueue();
		const b = serialQueue();
		let releaseA!: () => void;
		const blocked = a(() => new Promise<string>((resolve) => (releaseA = () => resolve('a'))));
		expect(await b(async () => 'b')).toBe('b');
		releaseA();
		expect(await blocked).toBe('a');
	});
});
