// A person's words for each kind of change, for messages about changes the server refused.

import type { MutationName } from '../../../shared/mutations/registry.ts';

const NAMES: Record<MutationName, string> = {
	createQuote: 'A new quote',
	updateQuote: 'A change to a quote',
	addQuoteLine: 'A new quote line',
	updateQuoteLine: 'A change to a quote line',
	removeQuoteLine: 'Removing a quote line',
	duplicateQuote: 'Duplicating a quote',
	reviseQuote: 'Revising a quote',
	acceptQuote: 'Accepting a quote',
	declineQuote: 'Declining a quote',
	saveCategory: 'A change to a category',
	deleteCategory: 'Deleting a category',
	saveProduct: 'A change to a product',
	importProducts: 'A product import',
	savePricingBook: 'A change to a pricing book',
	deletePricingBook: 'Deleting a pricing book',
	saveCompany: 'A change to a company',
	saveContact: 'A change to a contact',
	deleteContact: 'Deleting a contact',
	updateUser: 'A change to a user',
	changeUserEmail: 'A change to a user’s email',
	linkCompany: 'Linking a user to a company',
	verifyCompanyLink: 'Verifying a company link',
	setPsaLink: 'Linking a user to a PSA record',
	inviteUser: 'An invitation',
	resendInvitation: 'Resending an invitation',
	saveRole: 'A change to a role',
	deleteRole: 'Deleting a role',
	setMspDomains: 'A change to the MSP domains',
	retryIssue: 'Retrying a sync issue',
	dismissIssue: 'Dismissing a sync issue',
	retryAllIssues: 'Retrying sync issues',
	saveIntegrationSettings: 'A change to PSA settings',
	syncQuoteToPsa: 'Sending a quote to the PSA',
	syncProductToPsa: 'Sending a product to the PSA',
	synchronizePsa: 'Synchronizing with the PSA',
	saveOrgProfile: 'A change to the organisation’s letterhead',
	reindexEntities: 'A re-index',
	reindexRecord: 'Re-indexing a record',
	setActivityRetention: 'A change to how long the activity log keeps entries',
	attachQuoteToTicket: 'Attaching a quote to a ticket',
	cancelQuoteCharge: 'Cancelling a charge',
	reorderQuoteCharges: 'Re-ordering charges',
	setDistributorOrdering: 'Turning distributor ordering on or off',
	moveDistributor: 'A change to the distributor preference order'
};

export function describeMutation(name: string): string {
	return Object.hasOwn(NAMES, name) ? NAMES[name as MutationName] : 'A change';
}
