// Sync-issue texts of the ConnectWise adapter. The seeds' general texts are verbatim; the rest are ours.

export const SYNC_MESSAGES = {
	/** Seeds, "General sync failures". */
	someLinesNotSynchronized: 'Some line items not synchronized',
	opportunityNotFound: 'Opportunity was not found in ConnectWise',
	noContact: 'The quote has no contact, and ConnectWise opportunities need one.',
	noSalesRep: 'The quote owner is not linked to a ConnectWise member, and no default sales rep is set.',
	noCatalogSetup: 'No ConnectWise catalog subcategory and type are set for new products.',
	noStatus: 'ConnectWise gave the opportunity no status.'
} as const;
