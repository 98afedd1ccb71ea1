// What each mutation's activity entry is about, by mutation name. Every mutation is listed and typed
// by its arguments, like the server effects: a new mutation does not compile until someone says
// which entity its entries belong to (and the activity test walks this registry too).

import type { z } from 'zod';
import { MUTATIONS, type MutationName } from '../../shared/mutations/registry.ts';
import { reindexRunId } from '../../shared/psa/reindex.ts';
import { AUTH_SETTINGS_ID } from '../../shared/schema/identity-entities.ts';
import { ORG_PROFILE_ID } from '../../shared/schema/org-profile-entities.ts';
import type { ActivitySubject } from './activity-entry.ts';

type CheckedArgs<K extends MutationName> = z.output<(typeof MUTATIONS)[K]['args']>;
type SubjectOf<K extends MutationName> = (args: CheckedArgs<K>) => ActivitySubject;

const on =
	(table: string) =>
	(id: string): ActivitySubject => ({ table, id });
const quote = on('quotes');
const line = on('quoteLines');
const user = on('users');

const SUBJECTS = {
	createQuote: (a) => quote(a.id),
	updateQuote: (a) => quote(a.id),
	addQuoteLine: (a) => line(a.id),
	updateQuoteLine: (a) => line(a.id),
	removeQuoteLine: (a) => line(a.id),
	duplicateQuote: (a) => quote(a.newId),
	reviseQuote: (a) => quote(a.newId),
	acceptQuote: (a) => quote(a.id),
	declineQuote: (a) => quote(a.id),
	saveCategory: (a) => on('categories')(a.id),
	deleteCategory: (a) => on('categories')(a.id),
	saveProduct: (a) => on('products')(a.id),
	importProducts: (a) => on('products')(a.products[0]!.id),
	savePricingBook: (a) => on('pricingBooks')(a.id),
	deletePricingBook: (a) => on('pricingBooks')(a.id),
	saveCompany: (a) => on('companies')(a.id),
	saveContact: (a) => on('contacts')(a.id),
	deleteContact: (a) => on('contacts')(a.id),
	updateUser: (a) => user(a.id),
	linkCompany: (a) => user(a.id),
	verifyCompanyLink: (a) => user(a.id),
	setPsaLink: (a) => user(a.id),
	inviteUser: (a) => user(a.id),
	resendInvitation: (a) => user(a.id),
	saveRole: (a) => on('roles')(a.id),
	deleteRole: (a) => on('roles')(a.id),
	setMspDomains: () => on('authSettings')(AUTH_SETTINGS_ID),
	retryIssue: (a) => on('issues')(a.id),
	dismissIssue: (a) => on('issues')(a.id),
	retryAllIssues: (a) => on('issues')(a.rootCause ?? 'all'),
	saveIntegrationSettings: (a) => on('integrations')(a.provider),
	syncQuoteToPsa: (a) => quote(a.quoteId),
	syncProductToPsa: (a) => on('products')(a.productId),
	synchronizePsa: (a) => on('integrations')(a.provider),
	saveOrgProfile: () => on('orgProfile')(ORG_PROFILE_ID),
	setActivityRetention: () => on('authSettings')(AUTH_SETTINGS_ID),
	changeUserEmail: (a) => user(a.id),
	reindexEntities: (a) => on('reindexRuns')(reindexRunId(a.provider, a.entity)),
	reindexRecord: (a) => on('issues')(a.issueId),
	attachQuoteToTicket: (a) => quote(a.quoteId),
	cancelQuoteCharge: (a) => on('quoteCharges')(a.id),
	reorderQuoteCharges: (a) => quote(a.quoteId),
	setDistributorOrdering: (a) => on('distributors')(a.distributor),
	moveDistributor: (a) => on('distributors')(a.distributor),
	orderQuote: (a) => quote(a.quoteId),
	addQuoteToPurchaseOrder: (a) => on('purchaseOrders')(a.orderId),
	changePurchaseOrderLine: (a) => on('purchaseOrderLines')(a.id),
	submitPurchaseOrder: (a) => on('purchaseOrders')(a.id),
	retryPurchaseOrder: (a) => on('purchaseOrders')(a.id),
	cancelPurchaseOrder: (a) => on('purchaseOrders')(a.id),
	cancelPlacedPurchaseOrder: (a) => on('purchaseOrders')(a.id),
	setProductCostFromDistributor: (a) => on('products')(a.productId)
} as const satisfies { [K in MutationName]: SubjectOf<K> };

/** The subject of mutation `name`, for arguments its schema returned (null: the first row it changed). */
export function activitySubject(name: MutationName, args: unknown): ActivitySubject | null {
	const subject = SUBJECTS[name] as ((args: unknown) => ActivitySubject) | undefined;
	return subject ? subject(args) : null;
}
