import { describe, expect, it } from 'vitest';
import type { MutateResult, Replica } from '../sync/replica.svelte.ts';
import { MutationFeedback } from './mutation-feedback.svelte.ts';

function fakeReplica(answer: (name: string) => MutateResult) {
	const calls: string[] = [];
	const replica = {
		mutate: async (name: string) => {
			calls.push(name);
			return answer(name);
		}
	} as unknown as Replica;
	return { replica, calls };
}

describe('MutationFeedback', () => {
	it('keeps a local refusal under its key until that control succeeds', async () => {
		let refuse = true;
		const { replica } = fakeReplica(() =>
			refuse ? { ok: false, code: 'self_lockout', message: 'You cannot.' } : { ok: true }
		);
		const feedback = new MutationFeedback<'admin' | 'roles'>(() => replica);
		expect(await feedback.run('admin', 'updateUser', { id: 'u', isAdmin: false })).toBe(false);
		expect(feedback.errors).toEqual({ admin: 'You cannot.' });
		refuse = false;
		expect(await feedback.run('roles', 'updateUser', { id: 'u', roleIds: [] })).toBe(true);
		expect(feedback.errors).toEqual({ admin: 'You cannot.' });
		expect(await feedback.run('admin', 'updateUser', { id: 'u', isAdmin: true })).toBe(true);
		expect(feedback.errors).toEqual({});
	});

	it('says so when the device has no replica yet', async () => {
		const feedback = new MutationFeedback<'name'>(() => null);
		expect(await feedback.run('name', 'updateUser', { id: 'u', name: 'Pat' })).toBe(false);
		expect(feedback.errors.name).toMatch(/still opening/);
	});

	it('runs serial tasks one after another, even when one fails', async () => {
		const feedback = new MutationFeedback<'x'>(() => null);
		const order: string[] = [];
		const slow = feedback.serial(async () => {
			await new Promise((resolve) => setTimeout(resolve, 20));
			order.push('first');
			throw new Error('boom');
		});
		const fast = feedback.serial(async () => {
			order.push('second');
			return 2;
		});
		await expect(slow).rejects.toThrow('boom');
		expect(await fast).toBe(2);
		expect(order).toEqual(['first', 'second']);
	});
});
