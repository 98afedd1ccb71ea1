// What a PSA job's sync issue is about (job-runner.ts): the table, entity and label it shows for each
// job kind, read from the replicated rows when the kind names one.

import type { Kysely } from 'kysely';
import { PROVIDER_LABELS, type Provider } from '../../shared/psa/providers.ts';
import type { PsaJobKind } from '../../shared/schema/psa-entities.ts';
import { readEntity } from '../store/entity-reader.ts';
import type { Database } from '../store/schema.ts';
import type { IssueSubject } from './issue-record.ts';

/** The issue subject of a job of `kind` on `entityId`. */
export async function subjectOf(
	db: Kysely<Database>,
	orgId: string,
	provider: Provider,
	kind: PsaJobKind,
	entityId: string
): Promise<IssueSubject> {
	const base = { provider, operation: kind, entityId, quoteId: null };
	if (kind === 'syncQuote' || kind === 'syncQuoteCharges') {
		const quote = await readEntity(db, orgId, 'quotes', entityId);
		const company = quote ? await readEntity(db, orgId, 'companies', quote.companyId) : undefined;
		const what = kind === 'syncQuote' ? 'Quote' : 'Charges of quote';
		const name = quote ? `${what} ${quote.number ?? quote.title}` : `${what} ${entityId}`;
		const label = company ? `${name} · ${company.name}` : name;
		return { ...base, entityTable: 'quotes', label, quoteId: quote ? entityId : null };
	}
	if (kind === 'syncCompany') {
		const company = await readEntity(db, orgId, 'companies', entityId);
		return { ...base, entityTable: 'companies', label: `Company ${company?.name ?? entityId}` };
	}
	if (kind === 'createPsaPurchaseOrder') {
		return { ...base, entityTable: 'purchaseOrders', label: `Purchase order of order ${entityId}` };
	}
	if (kind === 'syncProduct') {
		const product = await readEntity(db, orgId, 'products', entityId);
		return { ...base, entityTable: 'products', label: `Product ${product?.name ?? entityId}` };
	}
	if (kind === 'updateProductBillingCodes') {
		const category = await readEntity(db, orgId, 'categories', entityId);
		return { ...base, entityTable: 'categories', label: `Billing code of ${category?.name ?? entityId} products` };
	}
	if (kind === 'reindex') {
		// A one-record scope (`quotes/<id>`) may be longer than an issue's entity id may be; the issue id is cut the same way.
		const label = `${PROVIDER_LABELS[provider]} · Re-index ${entityId}`;
		return { ...base, entityId: entityId.slice(0, 64), entityTable: 'integrations', label };
	}
	const what = {
		synchronize: 'Synchronize',
		importTicketCharges: 'Ticket charge import',
		pollOpportunities: 'Opportunity changes'
	}[kind];
	return { ...base, entityTable: 'integrations', label: `${PROVIDER_LABELS[provider]} · ${what}` };
}
