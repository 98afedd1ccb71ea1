// Admin settings: users and roles, sign-in and activity settings, the organisation's profile, and
// the distributors' ordering.

import { AUTH_SETTINGS_ID } from '../../../../shared/schema/identity-entities.ts';
import { buildCompany, buildRole, buildUser } from '../../../../shared/test/builders.ts';
import { admin, path, type PathFamily } from './path-family.ts';

export const adminPaths: PathFamily = {
	name: 'admin settings',
	as: admin,
	async seed(db) {
		await db.companies.put(buildCompany({ id: 'company-acme' }));
		await db.roles.bulkPut([buildRole({ id: 'role-used' }), buildRole({ id: 'role-free' })]);
		await db.users.bulkPut([
			buildUser({ id: 'u-pat', roleIds: ['role-used'], companyId: 'company-acme', externalIds: { autotask: '7' } }),
			buildUser({ id: 'u-sam', email: 'sam@example.test' })
		]);
		await db.authSettings.put({ id: AUTH_SETTINGS_ID, mspDomains: ['msp.test'] });
	},
	paths: {
		updateUser: [
			path({ id: 'u-pat', roleIds: ['role-free'] }),
			path({ id: 'u-pat', roleIds: ['role-ghost'] }, 'role_not_found')
		],
		changeUserEmail: [
			path({ id: 'u-pat', email: 'pat@example.test' }),
			path({ id: 'u-pat', email: 'sam@example.test' }, 'email_taken'),
			path({ id: 'u-ghost', email: 'ghost@example.test' }, 'user_not_found')
		],
		linkCompany: [
			path({ id: 'u-sam', companyId: 'company-acme' }),
			path({ id: 'u-sam', companyId: 'company-ghost' }, 'company_not_found')
		],
		verifyCompanyLink: [path({ id: 'u-pat' }), path({ id: 'u-sam' }, 'company_link_missing')],
		setPsaLink: [
			path({ id: 'u-sam', provider: 'autotask', externalId: '7' }),
			path({ id: 'u-pat', provider: 'autotask', externalId: null })
		],
		inviteUser: [
			path({
				id: 'u-new',
				email: 'new@example.test',
				name: 'New',
				kind: 'customer',
				roleIds: ['role-free'],
				companyId: 'company-acme'
			}),
			path(
				{ id: 'u-new', email: 'sam@example.test', name: 'New', kind: 'msp', roleIds: [], companyId: null },
				'email_taken'
			),
			path(
				{ id: 'u-new', email: 'new@example.test', name: 'New', kind: 'msp', roleIds: [], companyId: 'company-ghost' },
				'company_not_found'
			)
		],
		resendInvitation: [path({ id: 'u-sam' }), path({ id: 'u-ghost' }, 'user_not_found')],
		saveRole: [path(buildRole({ id: 'role-new', permissions: ['productEditor'] }))],
		deleteRole: [path({ id: 'role-free' }), path({ id: 'role-used' }, 'role_in_use')],
		setMspDomains: [path({ mspDomains: ['msp.test', 'msp.example'] })],
		setActivityRetention: [path({ days: 90 })],
		saveOrgProfile: [
			path({ name: 'Outpost MSP', addressLines: ['12 Harbour Street'], phone: '', email: '', website: '', logo: null })
		],
		setDistributorOrdering: [path({ distributor: 'tdsynnex', enabled: true })],
		moveDistributor: [path({ distributor: 'tdsynnex', direction: 'up' })]
	}
};
