// PSA sync issues, integration settings and re-indexing (an admin's; the gateway's jobs do the work).

import { buildQuote } from '../../../../shared/test/builders.ts';
import { buildIntegration, buildIssue } from '../../psa/psa-builders.ts';
import { admin, path, type PathFamily } from './path-family.ts';

const companyIssue = {
	operation: 'syncCompany',
	entityTable: 'companies',
	entityId: 'company-1',
	quoteId: null
} as const;
const orderIssue = {
	operation: 'submitPurchaseOrder',
	entityTable: 'purchaseOrders',
	entityId: 'po-1',
	quoteId: null
} as const;

export const psaPaths: PathFamily = {
	name: 'PSA issues and integrations',
	as: admin,
	async seed(db) {
		await db.quotes.put(buildQuote({ id: 'quote-1' }));
		await db.integrations.bulkPut([buildIntegration(), buildIntegration({ id: 'halopsa', configured: false })]);
		await db.issues.bulkPut([
			buildIssue({ rootCause: 'billing-code' }),
			buildIssue({ ...companyIssue, id: 'halopsa:syncCompany:company-1', provider: 'halopsa' }),
			buildIssue({ ...orderIssue, id: 'ingrammicro:submitPurchaseOrder:po-1', provider: 'ingrammicro' })
		]);
	},
	paths: {
		retryIssue: [path({ id: 'autotask:syncQuote:quote-1' }), path({ id: 'issue-ghost' })],
		dismissIssue: [path({ id: 'autotask:syncQuote:quote-1' })],
		retryAllIssues: [path({}), path({ rootCause: 'billing-code' })],
		saveIntegrationSettings: [
			path({ provider: 'autotask', settings: { pollOpportunities: true } }),
			path({ provider: 'connectwise', settings: { pollOpportunities: true } }, 'integration_not_configured')
		],
		synchronizePsa: [path({ provider: 'autotask' }), path({ provider: 'connectwise' }, 'integration_not_configured')],
		reindexEntities: [
			path({ provider: 'autotask', entity: 'products' }),
			path({ provider: 'halopsa', entity: 'products' }, 'integration_not_configured')
		],
		reindexRecord: [
			path({ issueId: 'autotask:syncQuote:quote-1' }),
			path({ issueId: 'halopsa:syncCompany:company-1' }, 'integration_not_configured'),
			path({ issueId: 'ingrammicro:submitPurchaseOrder:po-1' }, 'not_reindexable')
		]
	}
};
