import { describe, expect, it } from 'vitest';
import { createMemoryTx } from '../sync/memory-tx.ts';
import { ORG_PROFILE_ID } from '../schema/org-profile-entities.ts';
import { saveOrgProfile } from './org-profile-mutations.ts';
import { MUTATIONS } from './registry.ts';

const ctx = {
	userId: 'admin',
	actor: { kind: 'msp' as const, companyId: 'company-msp', isAdmin: true, permissions: [] },
	now: 1
};
const PNG = `data:image/png;base64,${btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0))}`;
const profile = {
	name: 'Northwind Managed Services',
	addressLines: ['12 Harbour Street', 'Leeds LS1 4AB'],
	phone: '+44 113 496 0000',
	email: 'Hello@Northwind.example',
	website: 'northwind.example',
	logo: PNG
};

describe('saveOrgProfile', () => {
	it('is an admin’s named mutation that writes the one profile row', async () => {
		expect(MUTATIONS.saveOrgProfile).toBe(saveOrgProfile);
		expect(saveOrgProfile.permission).toBe('admin');
		const tx = createMemoryTx();
		await saveOrgProfile.apply(tx, saveOrgProfile.args.parse(profile), ctx);
		expect(await tx.get('orgProfile', ORG_PROFILE_ID)).toEqual({
			...profile,
			id: ORG_PROFILE_ID,
			email: 'hello@northwind.example',
			supportName: '',
			supportEmail: '',
			supportPhone: ''
		});
	});

	it('keeps a support contact, its email in lower case, and refuses one that is no address', async () => {
		const tx = createMemoryTx();
		const support = {
			supportName: 'Service desk',
			supportEmail: ' Help@Northwind.example ',
			supportPhone: '0113 496 0001'
		};
		await saveOrgProfile.apply(tx, saveOrgProfile.args.parse({ ...profile, ...support }), ctx);
		expect(await tx.get('orgProfile', ORG_PROFILE_ID)).toMatchObject({
			...support,
			supportEmail: 'help@northwind.example'
		});
		const refused = saveOrgProfile.args.safeParse({ ...profile, supportEmail: 'help desk' });
		expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['supportEmail']);
	});

	it('refuses an SVG logo, an oversized one and a missing name, saying why', () => {
		const svg = `data:image/svg+xml;base64,${btoa('<svg/>')}`;
		const messages = (args: unknown) => saveOrgProfile.args.safeParse(args).error?.issues.map((i) => i.message);
		expect(messages({ ...profile, logo: svg })).toEqual(['The logo must be a PNG or JPEG image.']);
		const big = `data:image/png;base64,${btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) + 'x'.repeat(70_000))}`;
		expect(messages({ ...profile, logo: big })).toEqual(['The logo must be at most 64 KB.']);
		expect(saveOrgProfile.args.safeParse({ ...profile, name: ' ' }).success).toBe(false);
		expect(saveOrgProfile.args.safeParse({ ...profile, logo: null }).success).toBe(true);
	});
});
