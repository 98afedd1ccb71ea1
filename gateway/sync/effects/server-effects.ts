// Server effects by mutation name: run after the mutation's apply(), inside its transaction.

import type { MutationName } from '../../../shared/mutations/registry.ts';
import type { Effect } from './effect-context.ts';
import { accessChanged, createInvitedAccount, reissueInvitation, rolesChanged } from './identity-effects.ts';
import {
	enqueueQuoteSync,
	enqueueSynchronize,
	requeueIssue,
	requeueIssues,
	runWhatWasTurnedOn
} from './psa-effects.ts';
import { assignQuoteNumber } from './quote-effects.ts';

export const SERVER_EFFECTS: Partial<Record<MutationName, Effect>> = {
	createQuote: assignQuoteNumber,
	updateUser: accessChanged,
	linkCompany: accessChanged,
	verifyCompanyLink: accessChanged,
	inviteUser: createInvitedAccount,
	resendInvitation: reissueInvitation,
	saveRole: rolesChanged,
	deleteRole: rolesChanged,
	retryIssue: requeueIssue,
	retryAllIssues: requeueIssues,
	syncQuoteToPsa: enqueueQuoteSync,
	synchronizePsa: enqueueSynchronize,
	saveIntegrationSettings: runWhatWasTurnedOn
};
