import { describe, expect, it } from 'vitest';
import { inviteUser } from '../../../shared/mutations/admin-mutations.ts';
import { buildCompany } from '../../../shared/test/builders.ts';
import { defaultCompanyFor, inviteArgs } from './invite.ts';

const msp = buildCompany({ id: 'msp', name: 'Northwind', isMsp: true });
const acme = buildCompany({ id: 'acme', name: 'Acme' });

describe('defaultCompanyFor', () => {
	it('puts MSP staff in the MSP company and leaves a customer contact to choose', () => {
		expect(defaultCompanyFor('msp', [acme, msp])).toBe('msp');
		expect(defaultCompanyFor('customer', [acme, msp])).toBe('');
		expect(defaultCompanyFor('msp', [acme])).toBe('');
	});
});

describe('inviteArgs', () => {
	it('tidies what was typed into arguments inviteUser accepts', () => {
		const args = inviteArgs('id-1', {
			email: ' Pat@Example.COM ',
			name: ' Pat ',
			kind: 'customer',
			companyId: 'acme',
			roleIds: ['r', 'r']
		});
		expect(args).toEqual({
			id: 'id-1',
			email: 'pat@example.com',
			name: 'Pat',
			kind: 'customer',
			companyId: 'acme',
			roleIds: ['r']
		});
		expect(inviteUser.args.safeParse(args).success).toBe(true);
	});

	it('invites without a company when none was chosen', () => {
		expect(
			inviteArgs('id-1', { email: 'a@b.co', name: 'A', kind: 'msp', companyId: '', roleIds: [] }).companyId
		).toBeNull();
	});
});
