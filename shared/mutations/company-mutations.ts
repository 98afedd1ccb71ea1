// Companies and their contacts (Company editor).

import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { contactSchema } from '../schema/catalog-entities.ts';
import { companySchema, id } from '../schema/entities.ts';
import { defineMutation } from './define.ts';

export const saveCompany = defineMutation({
	name: 'saveCompany',
	permission: 'companyEditor',
	stores: ['companies'],
	args: companySchema.pick({ id: true, name: true }).strict(),
	async apply(tx, args, ctx) {
		const existing = await tx.get('companies', args.id);
		await tx.put(
			'companies',
			existing ? { ...existing, name: args.name } : { ...args, isMsp: false, createdAt: ctx.now }
		);
	}
});

export const saveContact = defineMutation({
	name: 'saveContact',
	permission: 'companyEditor',
	stores: ['contacts', 'companies'],
	args: contactSchema.strict(),
	async apply(tx, contact) {
		if (!(await tx.get('companies', contact.companyId))) throw DomainError.of('companyNotFound');
		await tx.put('contacts', contact);
	}
});

export const deleteContact = defineMutation({
	name: 'deleteContact',
	permission: 'companyEditor',
	stores: ['contacts'],
	args: z.object({ id }).strict(),
	async apply(tx, { id }) {
		await tx.delete('contacts', id);
	}
});
