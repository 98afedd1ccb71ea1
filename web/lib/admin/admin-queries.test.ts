import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCompany, buildRole, buildUser } from '../../../shared/test/builders.ts';
import type { LocalDb } from '../platform/local-db.ts';
import { destroyTestDb, openTestDb } from '../test/fake-local-db.ts';
import { loadDirectory, loadMspDomains } from './admin-queries.ts';

let db: LocalDb;
beforeEach(() => (db = openTestDb()));
afterEach(() => destroyTestDb(db));

describe('loadDirectory', () => {
	it('reads people, companies by name and roles by name', async () => {
		const pat = buildUser();
		await db.users.add(pat);
		await db.companies.bulkAdd([buildCompany({ id: 'z', name: 'Zeta' }), buildCompany({ id: 'a', name: 'Acme' })]);
		await db.roles.bulkAdd([buildRole({ id: 'r1', name: 'viewer' }), buildRole({ id: 'r2', name: 'Editor' })]);
		const directory = await loadDirectory(db);
		expect(directory.users).toEqual([pat]);
		expect(directory.companies.map((c) => c.name)).toEqual(['Acme', 'Zeta']);
		expect(directory.roles.map((r) => r.name)).toEqual(['Editor', 'viewer']);
	});

	it('is empty for someone the identity tables do not replicate to', async () => {
		expect(await loadDirectory(db)).toEqual({ users: [], companies: [], roles: [] });
	});
});

describe('loadMspDomains', () => {
	it('reads the domains, or none before the settings arrive', async () => {
		expect(await loadMspDomains(db)).toEqual({ domains: [] });
		await db.authSettings.put({ id: 'auth', mspDomains: ['demo.test'] });
		expect(await loadMspDomains(db)).toEqual({ domains: ['demo.test'] });
	});
});
