// The profile of a session is read afresh on every request: a changed role or user must show on the
// very next one, however the parsed profile is kept between requests.

import { describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { patchEntity } from '../test/edit-entity.ts';
import { TEST_PASSWORDS } from '../test/http-harness.ts';
import { STORE_KINDS } from '../test/stores.ts';
import { resolveSessionProfile } from './session-profile.ts';
import { createSession, DEFAULT_SESSION_POLICY, endSession } from './sessions.ts';

const NOW = Date.UTC(2026, 0, 5);

describe.each(STORE_KINDS)('resolveSessionProfile on $name', (kind) => {
	async function signedIn() {
		const opened = await kind.open();
		await seedDemo(opened.store, TEST_PASSWORDS, NOW);
		const user = await opened.store.db
			.selectFrom('users')
			.select('id')
			.where('email', '=', 'sales@demo.outpost.test')
			.executeTakeFirstOrThrow();
		const token = await createSession(opened.store, user.id, NOW, DEFAULT_SESSION_POLICY);
		const resolve = async () =>
			(await resolveSessionProfile(opened.store, token, NOW + 1_000, DEFAULT_SESSION_POLICY))?.profile;
		return { ...opened, userId: user.id, token, resolve };
	}

	it('answers a role change on the next request', async () => {
		const { store, close, resolve, userId } = await signedIn();
		try {
			const before = (await resolve())!;
			expect(before.permissions).toEqual(['quoteEditor', 'productViewer']);
			const user = await store.db
				.selectFrom('entities')
				.select('value')
				.where('tbl', '=', 'users')
				.where('id', '=', userId)
				.executeTakeFirstOrThrow();
			const [roleId] = (JSON.parse(user.value) as { roleIds: string[] }).roleIds;
			await patchEntity(store, 'roles', roleId!, { permissions: ['productViewer'] });
			expect((await resolve())!.permissions).toEqual(['productViewer']);
			await patchEntity(store, 'users', userId, { roleIds: [] });
			expect((await resolve())!.permissions).toEqual([]);
		} finally {
			await close();
		}
	});

	it('answers nothing once the session has ended', async () => {
		const { store, close, resolve, token } = await signedIn();
		try {
			expect((await resolve())!.email).toBe('sales@demo.outpost.test');
			await endSession(store, token);
			expect(await resolve()).toBeUndefined();
		} finally {
			await close();
		}
	});

	it('hands out a profile nobody can change for the next request', async () => {
		const { close, resolve } = await signedIn();
		try {
			const profile = (await resolve())!;
			expect(() => (profile.permissions as string[]).push('admin')).toThrow(TypeError);
			expect((await resolve())!.permissions).toEqual(['quoteEditor', 'productViewer']);
		} finally {
			await close();
		}
	});
});
