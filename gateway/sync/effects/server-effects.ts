// Server effects by mutation name: run after the mutation's apply(), inside its transaction. Every
// mutation is listed, with null for none, and each effect is typed by its mutation's arguments: a
// new mutation, or one whose arguments change, does not compile until someone decides here.

import type { z } from 'zod';
import { MUTATIONS, type MutationName } from '../../../shared/mutations/registry.ts';
import type { Effect } from './effect-context.ts';
import { emailChanged } from './email-change-effect.ts';
import { accessChanged, createInvitedAccount, reissueInvitation, rolesChanged } from './identity-effects.ts';
import {
	enqueueProductSync,
	enqueueQuoteSync,
	enqueueSynchronize,
	requeueIssue,
	requeueIssues,
	runWhatWasTurnedOn
} from './psa-effects.ts';
import { numberCopiedQuote, numberNewQuote } from './quote-effects.ts';
import {
	updateImportedProducts,
	updateMovedProduct,
	updateProductsOfRemappedCategory
} from './billing-code-effects.ts';
import { enqueueRecordReindex, enqueueReindex } from './reindex-effects.ts';
import {
	cancelChargesOfDeclinedQuote,
	cancelChargesOfRemappedCategory,
	cancelChargesOfRevisedQuote,
	syncChargeById,
	syncChargesOfQuote
} from './charge-effects.ts';
import { queueOrderCancel, queueOrderSubmission } from '../../procurement/order-effects.ts';

/** A mutation's arguments as its schema returns them. */
type CheckedArgs<K extends MutationName> = z.output<(typeof MUTATIONS)[K]['args']>;

const SERVER_EFFECTS = {
	createQuote: numberNewQuote,
	updateQuote: cancelChargesOfDeclinedQuote,
	addQuoteLine: null,
	updateQuoteLine: null,
	removeQuoteLine: null,
	duplicateQuote: numberCopiedQuote,
	reviseQuote: async (ctx, args) => {
		await numberCopiedQuote(ctx, args);
		await cancelChargesOfRevisedQuote(ctx, args);
	},
	acceptQuote: null,
	declineQuote: cancelChargesOfDeclinedQuote,
	saveCategory: async (ctx, args) => {
		await cancelChargesOfRemappedCategory(ctx, args);
		await updateProductsOfRemappedCategory(ctx, args);
	},
	deleteCategory: null,
	saveProduct: updateMovedProduct,
	importProducts: updateImportedProducts,
	savePricingBook: null,
	deletePricingBook: null,
	saveCompany: null,
	saveContact: null,
	deleteContact: null,
	updateUser: accessChanged,
	changeUserEmail: emailChanged,
	linkCompany: accessChanged,
	verifyCompanyLink: accessChanged,
	setPsaLink: null,
	saveOrgProfile: null,
	inviteUser: createInvitedAccount,
	resendInvitation: reissueInvitation,
	saveRole: rolesChanged,
	deleteRole: rolesChanged,
	setMspDomains: null,
	retryIssue: requeueIssue,
	dismissIssue: null,
	retryAllIssues: requeueIssues,
	saveIntegrationSettings: runWhatWasTurnedOn,
	syncQuoteToPsa: enqueueQuoteSync,
	syncProductToPsa: enqueueProductSync,
	synchronizePsa: enqueueSynchronize,
	reindexEntities: enqueueReindex,
	reindexRecord: enqueueRecordReindex,
	setActivityRetention: null,
	attachQuoteToTicket: syncChargesOfQuote,
	cancelQuoteCharge: syncChargeById,
	reorderQuoteCharges: syncChargesOfQuote,
	setDistributorOrdering: null,
	moveDistributor: null,
	orderQuote: null,
	addQuoteToPurchaseOrder: null,
	changePurchaseOrderLine: null,
	submitPurchaseOrder: queueOrderSubmission,
	retryPurchaseOrder: queueOrderSubmission,
	cancelPurchaseOrder: null,
	cancelPlacedPurchaseOrder: queueOrderCancel,
	setProductCostFromDistributor: null
} as const satisfies { [K in MutationName]: Effect<CheckedArgs<K>> | null };

/**
 * The effect of the mutation `name`, for a caller holding arguments that mutation's schema returned.
 * The map above is what checks each pairing; here the name is only known at run time.
 */
export function serverEffect(name: MutationName): Effect | null {
	return SERVER_EFFECTS[name] as Effect | null;
}
