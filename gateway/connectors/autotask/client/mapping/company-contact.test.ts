import { describe, expect, it } from 'vitest';
import { buildCompany } from '../../../../../shared/test/builders.ts';
import { companyFromAutotask, companyPayload } from './company.ts';
import { contactFromAutotask, contactPayload, normalizeEmail, splitName } from './contact.ts';

const defaults = { ownerResourceID: 7, companyType: 1, phone: '+1 555 0100' };

describe('companies', () => {
	it('sends the name with the fields Autotask requires', () => {
		expect(companyPayload(buildCompany({ name: '  Acme Corporation ' }), defaults)).toEqual({
			companyName: 'Acme Corporation',
			companyType: 1,
			ownerResourceID: 7,
			phone: '+1 555 0100'
		});
	});

	it('keeps the name within Autotask’s 100 characters', () => {
		expect(companyPayload(buildCompany({ name: 'x'.repeat(150) }), defaults).companyName).toHaveLength(100);
	});

	it('reads a company back, naming one that has no name', () => {
		expect(companyFromAutotask({ id: 5, companyName: 'Globex', isActive: false })).toEqual({
			externalId: 5,
			name: 'Globex',
			isActive: false
		});
		expect(companyFromAutotask({ id: 6 })).toEqual({ externalId: 6, name: 'Autotask company 6', isActive: true });
	});
});

describe('contacts', () => {
	it('sends an active contact under its company, email normalized', () => {
		expect(contactPayload({ firstName: ' Ada ', lastName: 'Lovelace', email: ' Ada@Acme.Example ' }, 11)).toEqual({
			companyID: 11,
			firstName: 'Ada',
			lastName: 'Lovelace',
			emailAddress: 'ada@acme.example',
			phone: null,
			isActive: 1
		});
	});

	it('splits a full name, filling both names Autotask requires', () => {
		expect(splitName('Ada King Lovelace')).toEqual({ firstName: 'Ada', lastName: 'King Lovelace' });
		expect(splitName('  Cher ')).toEqual({ firstName: 'Cher', lastName: 'Cher' });
		expect(splitName('')).toEqual({ firstName: '-', lastName: '-' });
	});

	it('normalizes emails the way user matching compares them', () => {
		expect(normalizeEmail('  Sam@MSP.example ')).toBe('sam@msp.example');
		expect(normalizeEmail('   ')).toBeNull();
		expect(normalizeEmail(null)).toBeNull();
	});

	it('reads isActive as the integer Autotask sends', () => {
		expect(contactFromAutotask({ id: 3, companyID: 11, firstName: 'A', lastName: 'B', isActive: 1 }).isActive).toBe(
			true
		);
		expect(contactFromAutotask({ id: 3, isActive: 0 })).toEqual({
			externalId: 3,
			companyExternalId: null,
			firstName: '',
			lastName: '',
			email: null,
			isActive: false
		});
	});
});
