import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore } from '../test/stores.ts';
import { createCredentialVault, type CredentialVault } from './credential-vault.ts';

describe.each(STORE_KINDS)('credential vault on $name', (kind) => {
	let opened: TestStore;
	let vault: CredentialVault;
	beforeAll(async () => {
		opened = await kind.open();
		vault = await createCredentialVault(opened.store, crypto.getRandomValues(new Uint8Array(32)));
	});
	afterAll(() => opened.close());

	it('seals and opens a value far larger than a call stack holds as arguments', async () => {
		const credentials = { secret: 'x'.repeat(300_000), note: 'ünïcødé ✓' };
		await vault.save('org-a', 'autotask', credentials, 1);
		expect(await vault.open('org-a', 'autotask')).toEqual(credentials);
	});

	it('binds the sealed value to its organisation and provider', async () => {
		await vault.save('org-a', 'halopsa', { secret: 's' }, 1);
		const [row] = await opened.store.db
			.selectFrom('integration_credentials')
			.select('ciphertext')
			.where('provider', '=', 'halopsa')
			.execute();
		await opened.store.db
			.insertInto('integration_credentials')
			.values({ org_id: 'org-b', provider: 'halopsa', ciphertext: row!.ciphertext, updated_at: 1 })
			.execute();
		await expect(vault.open('org-b', 'halopsa')).rejects.toThrow();
	});
});
