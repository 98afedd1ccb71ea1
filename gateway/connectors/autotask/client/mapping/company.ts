// Outpost company ↔ Autotask Companies payload (psa-apis.md §1.5). Pure. Autotask requires an owner,
// a company type and a phone number that Outpost does not hold: the caller supplies them.

import type { Company } from '../../../../../shared/schema/entities.ts';
import type { AutotaskCompany, CreateBody } from '../entity-schemas.ts';

export type CompanyDefaults = { ownerResourceID: number; companyType: number; phone: string };

export function companyPayload(company: Pick<Company, 'name'>, defaults: CompanyDefaults): CreateBody<'Companies'> {
	return {
		companyName: company.name.trim().slice(0, 100),
		companyType: defaults.companyType,
		ownerResourceID: defaults.ownerResourceID,
		phone: defaults.phone
	};
}

export type ImportedCompany = { externalId: number; name: string; isActive: boolean };

export function companyFromAutotask(record: AutotaskCompany): ImportedCompany {
	return {
		externalId: record.id,
		name: (record.companyName ?? '').trim() || `Autotask company ${record.id}`,
		isActive: record.isActive !== false
	};
}
