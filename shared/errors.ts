// The error catalogue: every text a person may see for an expected failure.
// Texts quoted from the support articles (../shared/seeds) are contract and stay verbatim.

export const ERRORS = {
	companyLinkRequired: {
		code: 'company_link_required',
		message: 'You are not linked to a company or the link is not verified.'
	},
	alreadySynchronizing: { code: 'already_synchronizing', message: 'Already synchronizing' },
	invalidCredentials: { code: 'invalid_credentials', message: 'The email or password is incorrect.' },
	loginDisabled: {
		code: 'login_disabled',
		message: 'Sign-in is disabled for this account. Ask your admin to enable it.'
	},
	emailNotVerified: {
		code: 'email_not_verified',
		message:
			'Your email address is not verified yet. Open the link in the verification email, or have it sent again, then sign in.'
	},
	loginMethodNotAllowed: {
		code: 'login_method_not_allowed',
		message: 'This sign-in method is not allowed for your account. Use another one, or ask your admin.'
	},
	notInvited: {
		code: 'not_invited',
		message: 'Your email domain belongs to the MSP: an admin must invite you before you can sign in.'
	},
	unknownAccount: {
		code: 'unknown_account',
		message: 'No Outpost account uses this email address. Ask your admin to invite you.'
	},
	providerSignInFailed: {
		code: 'provider_sign_in_failed',
		message: 'Signing in with Google or Microsoft did not complete. Please start again.'
	},
	providerEmailNotVerified: {
		code: 'provider_email_not_verified',
		message:
			'Your Google or Microsoft account has not verified its email address. Verify it there, or use another sign-in method.'
	},
	tooManyAttempts: {
		code: 'too_many_attempts',
		message: 'Too many sign-in attempts. Wait a few minutes, then try again.'
	},
	originRejected: { code: 'origin_rejected', message: 'This request came from another site and was refused.' },
	tokenInvalid: { code: 'token_invalid', message: 'This link is invalid, used or expired. Ask for a new one.' },
	passwordTooWeak: { code: 'password_too_weak', message: 'Choose a password of at least 10 characters.' },
	userNotFound: { code: 'user_not_found', message: 'That user does not exist.' },
	roleNotFound: { code: 'role_not_found', message: 'That role does not exist.' },
	roleInUse: { code: 'role_in_use', message: 'This role is still given to users. Take it away from them first.' },
	emailTaken: { code: 'email_taken', message: 'Another user already has this email address.' },
	companyLinkMissing: {
		code: 'company_link_missing',
		message: 'Assign a company to this user before verifying the link.'
	},
	notSignedIn: { code: 'not_signed_in', message: 'Please sign in.' },
	forbidden: { code: 'forbidden', message: 'Your role lacks the permission for this action.' },
	notFound: { code: 'not_found', message: 'Not found.' },
	invalidInput: { code: 'invalid_input', message: 'The request is not valid.' },
	versionNotSupported: {
		code: 'version_not_supported',
		message: 'This version of Outpost is out of date. Please reload to update.'
	},
	clientNotOwned: { code: 'client_not_owned', message: 'This sync client belongs to another user.' },
	temporarilyUnavailable: {
		code: 'temporarily_unavailable',
		message: 'The server is busy or restarting. Your changes are kept and will be sent again shortly.'
	},
	outOfOrder: { code: 'out_of_order', message: 'Mutations arrived out of order; resend from the first pending one.' },
	unknownMutation: { code: 'unknown_mutation', message: 'This change is not known to the server.' },
	quoteNotFound: { code: 'quote_not_found', message: 'The quote no longer exists.' },
	productNotFound: { code: 'product_not_found', message: 'The product no longer exists.' },
	productReadRequired: {
		code: 'forbidden',
		message: 'Adding a product from the catalog needs Product viewer or another product permission.'
	},
	quoteLineNotFound: { code: 'quote_line_not_found', message: 'The quote line no longer exists.' },
	companyNotFound: { code: 'company_not_found', message: 'The company does not exist.' },
	logoNotAnImage: { code: 'logo_not_an_image', message: 'The logo must be a PNG or JPEG image.' },
	logoTooLarge: { code: 'logo_too_large', message: 'The logo must be at most 64 KB.' },
	notReindexable: {
		code: 'not_reindexable',
		message: 'Only a quote, company, contact or product can be re-indexed on its own; re-index its type instead.'
	},
	integrationNotConfigured: {
		code: 'integration_not_configured',
		message: 'No PSA is connected: an admin enters its credentials at Admin > Integrations.'
	},
	outboundUrlRefused: { code: 'outbound_url_refused', message: 'Outpost does not call this address.' },
	credentialsNotVerified: {
		code: 'credentials_not_verified',
		message: 'The PSA did not accept these credentials, so they were not saved.'
	},
	quoteReadOnly: {
		code: 'quote_read_only',
		message: 'This quote has been accepted and can no longer be changed.'
	},
	quoteNotDraft: {
		code: 'quote_not_draft',
		message: 'Only a draft can be changed. Revise this quote to change it.'
	},
	quoteEmpty: { code: 'quote_empty', message: 'Add a line before sending this quote.' },
	quoteZeroTotal: { code: 'quote_zero_total', message: 'This quote totals nothing; price a line before sending it.' },
	idTaken: { code: 'id_taken', message: 'A record with this id already exists.' },
	tooLarge: { code: 'too_large', message: 'The request is too large.' },
	quoteNotAccepted: {
		code: 'quote_not_accepted',
		message: 'Only an accepted quote can be attached to a ticket.'
	},
	ticketNotFound: { code: 'ticket_not_found', message: 'The ticket does not exist.' },
	ticketOfAnotherCompany: {
		code: 'ticket_of_another_company',
		message: "The ticket belongs to another company than the quote's."
	},
	quoteAlreadyAttached: {
		code: 'quote_already_attached',
		message: 'This quote already has charges on a ticket. Cancel them before attaching it to another one.'
	},
	quoteNothingBillable: { code: 'quote_nothing_billable', message: 'This quote has no billable lines to charge.' },
	quoteChargeNotFound: { code: 'quote_charge_not_found', message: 'The charge does not exist.' },
	/** Seed (Billing & Procurement › Billing code errors), verbatim. */
	billingCodeInvalid: { code: 'billing_code_invalid', message: 'BillingCode does not exist or is invalid' },
	ticketChargesNotSupported: {
		code: 'ticket_charges_not_supported',
		message: 'Ticket charges are not supported by this PSA.'
	},
	orderQuoteNotAccepted: {
		code: 'order_quote_not_accepted',
		message: 'Only an accepted quote can be ordered.'
	},
	quoteNothingToProcure: {
		code: 'quote_nothing_to_procure',
		message: 'This quote has no lines left to order: every product is ordered already or does not require procurement.'
	},
	quoteNothingForDistributor: {
		code: 'quote_nothing_for_distributor',
		message: 'This quote has no lines left to order from this distributor.'
	},
	noDistributorOrdering: {
		code: 'no_distributor_ordering',
		message:
			'Only quotes ordered from distributors with ordering support (Ingram Micro, TD Synnex) appear in the procurement queue. Turn ordering on at Admin > Distributors.'
	},
	purchaseOrderNotFound: { code: 'purchase_order_not_found', message: 'The purchase order does not exist.' },
	purchaseOrderNotDraft: {
		code: 'purchase_order_not_draft',
		message: 'This purchase order was submitted: its lines can no longer change.'
	},
	purchaseOrderEmpty: { code: 'purchase_order_empty', message: 'This purchase order has no lines to submit.' },
	purchaseOrderNotRetryable: {
		code: 'purchase_order_not_retryable',
		message: 'Only a submitted, processing or failed purchase order can be retried.'
	},
	purchaseOrderNotCancelable: {
		code: 'purchase_order_not_cancelable',
		message: 'Only a draft purchase order can be canceled here; a placed one is canceled at the distributor.'
	},
	purchaseOrderNotCancelableAtDistributor: {
		code: 'purchase_order_not_cancelable_at_distributor',
		message: 'Only a submitted order the distributor has not shipped can be canceled at the distributor.'
	},
	purchaseOrderCancelAlreadyRequested: {
		code: 'purchase_order_cancel_already_requested',
		message: 'Cancellation of this order was already asked for; the distributor has not answered yet.'
	},
	distributorCancelsByPhone: {
		code: 'distributor_cancels_by_phone',
		message: 'TD SYNNEX does not accept cancellations through its API; call your TD SYNNEX rep.'
	},
	purchaseOrderLineNotFound: { code: 'purchase_order_line_not_found', message: 'The order line does not exist.' },
	poNumberTaken: { code: 'po_number_taken', message: 'Another purchase order already has this PO number.' },
	productNotOrderable: {
		code: 'product_not_orderable',
		message: 'This product cannot be ordered: it does not exist or does not require procurement.'
	}
} as const satisfies Record<string, { code: string; message: string }>;

export type ErrorKey = keyof typeof ERRORS;
export type ErrorCode = (typeof ERRORS)[ErrorKey]['code'];

/** An expected failure of a mutation or request: a value that carries a code a program can act on and a sentence a person can. */
export class DomainError extends Error {
	readonly code: string;
	constructor(code: string, message: string) {
		super(message);
		this.code = code;
		this.name = 'DomainError';
	}
	static of(key: ErrorKey, message?: string): DomainError {
		const entry = ERRORS[key];
		return new DomainError(entry.code, message ?? entry.message);
	}
}
