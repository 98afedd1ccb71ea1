import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/schema/catalog-entities.ts';
import { buildCompany } from '../../../shared/test/builders.ts';
import { searchCompanies, toCompanyRows } from './company-list.ts';

const msp = buildCompany({ id: 'c-msp', name: 'Northwind', isMsp: true });
const acme = buildCompany({ id: 'c-acme', name: 'Acme Corporation' });
const globex = buildCompany({ id: 'c-globex', name: 'Globex' });
const carla: Contact = {
	id: 'k1',
	companyId: 'c-acme',
	name: 'Carla Customer',
	email: 'carla@acme.test',
	phone: '',
	jobTitle: 'Office Manager'
};

describe('company list', () => {
	const rows = toCompanyRows([globex, acme, msp], [carla]);

	it('puts the MSP first, then companies by name, each with its contacts', () => {
		expect(rows.map((r) => [r.company.name, r.contacts.length])).toEqual([
			['Northwind', 0],
			['Acme Corporation', 1],
			['Globex', 0]
		]);
	});

	it('finds a company by its name or by a contact of it', () => {
		const names = (q: string) => searchCompanies(rows, q).map((r) => r.company.name);
		expect(names('')).toHaveLength(3);
		expect(names('glo')).toEqual(['Globex']);
		expect(names('carla')).toEqual(['Acme Corporation']);
		expect(names('acme.test')).toEqual(['Acme Corporation']);
		expect(names('acme carla')).toEqual(['Acme Corporation']);
		expect(names('globex carla')).toEqual([]);
	});
});
