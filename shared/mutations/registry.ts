// Every mutation the product knows, by name. The gateway refuses names that are not here.

import type { z } from 'zod';
import {
	changeUserEmail,
	deleteRole,
	inviteUser,
	linkCompany,
	resendInvitation,
	saveRole,
	setMspDomains,
	setPsaLink,
	updateUser,
	verifyCompanyLink
} from './admin-mutations.ts';
import { acceptQuote, declineQuote } from './acceptance-mutations.ts';
import { setActivityRetention } from './activity-mutations.ts';
import {
	deleteCategory,
	deletePricingBook,
	importProducts,
	saveCategory,
	savePricingBook,
	saveProduct
} from './catalog-mutations.ts';
import { deleteContact, saveCompany, saveContact } from './company-mutations.ts';
import type { MutationDef } from './define.ts';
import { moveDistributor, setDistributorOrdering } from './distributor-mutations.ts';
import { setProductCostFromDistributor } from './marketplace-mutations.ts';
import {
	dismissIssue,
	retryAllIssues,
	retryIssue,
	saveIntegrationSettings,
	synchronizePsa,
	syncProductToPsa,
	syncQuoteToPsa
} from './psa-mutations.ts';
import { saveOrgProfile } from './org-profile-mutations.ts';
import {
	addQuoteToPurchaseOrder,
	cancelPlacedPurchaseOrder,
	cancelPurchaseOrder,
	changePurchaseOrderLine,
	orderQuote,
	retryPurchaseOrder,
	submitPurchaseOrder
} from './purchase-order-mutations.ts';
import { reindexEntities, reindexRecord } from './reindex-mutations.ts';
import { attachQuoteToTicket, cancelQuoteCharge, reorderQuoteCharges } from './quote-charge-mutations.ts';
import { duplicateQuote, reviseQuote } from './quote-copies.ts';
import { addQuoteLine, createQuote, removeQuoteLine, updateQuote, updateQuoteLine } from './quote-mutations.ts';

export const MUTATIONS = {
	createQuote,
	updateQuote,
	addQuoteLine,
	updateQuoteLine,
	removeQuoteLine,
	duplicateQuote,
	reviseQuote,
	acceptQuote,
	declineQuote,
	saveCategory,
	deleteCategory,
	saveProduct,
	importProducts,
	savePricingBook,
	deletePricingBook,
	saveCompany,
	saveContact,
	deleteContact,
	updateUser,
	changeUserEmail,
	linkCompany,
	verifyCompanyLink,
	setPsaLink,
	inviteUser,
	resendInvitation,
	saveRole,
	deleteRole,
	setMspDomains,
	retryIssue,
	dismissIssue,
	retryAllIssues,
	saveIntegrationSettings,
	syncQuoteToPsa,
	syncProductToPsa,
	synchronizePsa,
	saveOrgProfile,
	reindexEntities,
	reindexRecord,
	setActivityRetention,
	attachQuoteToTicket,
	cancelQuoteCharge,
	reorderQuoteCharges,
	setDistributorOrdering,
	moveDistributor,
	orderQuote,
	addQuoteToPurchaseOrder,
	changePurchaseOrderLine,
	submitPurchaseOrder,
	retryPurchaseOrder,
	cancelPurchaseOrder,
	cancelPlacedPurchaseOrder,
	setProductCostFromDistributor
} as const;

export type MutationName = keyof typeof MUTATIONS;
export type MutationArgs<N extends MutationName> = z.input<(typeof MUTATIONS)[N]['args']>;

export function findMutation(name: string): MutationDef | undefined {
	return Object.hasOwn(MUTATIONS, name) ? (MUTATIONS[name as MutationName] as MutationDef) : undefined;
}
