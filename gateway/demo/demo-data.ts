// The demo organisation's content: people, companies and quotes that make the sandbox feel real.

import type { Permission } from '../../shared/auth/permissions.ts';
import type { QuoteStatus } from '../../shared/schema/entities.ts';

export const DEMO_ORG = { id: 'org-demo', name: 'Northwind Managed Services' };
export const DEMO_PASSWORD = 'outpost-demo';
export const MSP_COMPANY_ID = 'company-northwind';
/** The MSP's own email domain: its staff must be invited before they can sign in. */
export const DEMO_MSP_DOMAIN = 'demo.outpost.test';

export type DemoUser = {
	email: string;
	name: string;
	isAdmin?: boolean;
	kind: 'msp' | 'customer';
	permissions: Permission[];
	companyId: string | null;
	companyVerified: boolean;
	/** An account that holds one permission and nothing else, to show (and test) that it works alone. */
	alone?: true;
};

/** Staff of the MSP holding exactly one permission, for the permission-alone accounts below. */
function aloneAccount(email: string, name: string, permission: Permission): DemoUser {
	return {
		email,
		name,
		kind: 'msp',
		permissions: [permission],
		companyId: MSP_COMPANY_ID,
		companyVerified: true,
		alone: true
	};
}

export const DEMO_USERS: DemoUser[] = [
	{
		email: 'admin@demo.outpost.test',
		name: 'Ada Admin',
		isAdmin: true,
		kind: 'msp',
		permissions: [],
		companyId: MSP_COMPANY_ID,
		companyVerified: true
	},
	{
		email: 'sales@demo.outpost.test',
		name: 'Sam Sales',
		kind: 'msp',
		permissions: ['quoteEditor', 'productViewer'],
		companyId: MSP_COMPANY_ID,
		companyVerified: true
	},
	{
		email: 'catalog@demo.outpost.test',
		name: 'Cat Catalog',
		kind: 'msp',
		permissions: ['productViewer', 'productEditor', 'productsImporter', 'pricingBookEditor'],
		companyId: MSP_COMPANY_ID,
		companyVerified: true
	},
	{
		email: 'viewer@demo.outpost.test',
		name: 'Vic Viewer',
		kind: 'msp',
		permissions: ['productViewer'],
		companyId: MSP_COMPANY_ID,
		companyVerified: true
	},
	{
		email: 'buyer@demo.outpost.test',
		name: 'Bo Buyer',
		kind: 'msp',
		permissions: ['procurementEditor', 'quoteEditor'],
		companyId: MSP_COMPANY_ID,
		companyVerified: true
	},
	{
		email: 'customer@acme.outpost.test',
		name: 'Carla Customer',
		kind: 'customer',
		permissions: [],
		companyId: 'company-acme',
		companyVerified: true
	},
	{
		email: 'unlinked@demo.outpost.test',
		name: 'Una Unlinked',
		kind: 'msp',
		permissions: ['quoteEditor'],
		companyId: null,
		companyVerified: false
	},
	{
		email: 'unverified@demo.outpost.test',
		name: 'Uri Unverified',
		kind: 'msp',
		permissions: ['quoteEditor'],
		companyId: MSP_COMPANY_ID,
		companyVerified: false
	},
	aloneAccount('quotes@demo.outpost.test', 'Quinn Quotes', 'quoteEditor'),
	aloneAccount('products@demo.outpost.test', 'Pat Products', 'productEditor'),
	aloneAccount('importer@demo.outpost.test', 'Imogen Importer', 'productsImporter'),
	aloneAccount('pricing@demo.outpost.test', 'Perry Pricing', 'pricingBookEditor'),
	aloneAccount('companies@demo.outpost.test', 'Cody Companies', 'companyEditor'),
	aloneAccount('whitespace@demo.outpost.test', 'Wren Whitespace', 'whitespaceViewer'),
	aloneAccount('procurement@demo.outpost.test', 'Pia Procurement', 'procurementEditor')
];

/** The demo account that holds each permission and nothing else (Vic Viewer: Product viewer alone). */
export const PERMISSION_ALONE_ACCOUNTS: Record<Permission, string> = {
	quoteEditor: 'quotes@demo.outpost.test',
	productViewer: 'viewer@demo.outpost.test',
	productEditor: 'products@demo.outpost.test',
	productsImporter: 'importer@demo.outpost.test',
	pricingBookEditor: 'pricing@demo.outpost.test',
	companyEditor: 'companies@demo.outpost.test',
	whitespaceViewer: 'whitespace@demo.outpost.test',
	procurementEditor: 'procurement@demo.outpost.test'
};

export const DEMO_COMPANIES: { id: string; name: string; isMsp?: boolean }[] = [
	{ id: MSP_COMPANY_ID, name: 'Northwind Managed Services', isMsp: true },
	{ id: 'company-acme', name: 'Acme Corporation' },
	{ id: 'company-globex', name: 'Globex' },
	{ id: 'company-initech', name: 'Initech' },
	{ id: 'company-umbrella', name: 'Umbrella Health' },
	{ id: 'company-stark', name: 'Stark Logistics' },
	{ id: 'company-wayne', name: 'Wayne Dental Group' },
	{ id: 'company-hooli', name: 'Hooli Accounting' },
	{ id: 'company-soylent', name: 'Soylent Foods' },
	{ id: 'company-tyrell', name: 'Tyrell Architects' },
	{ id: 'company-cyberdyne', name: 'Cyberdyne Legal' },
	{ id: 'company-vandelay', name: 'Vandelay Industries' },
	{ id: 'company-massive', name: 'Massive Dynamic' },
	{ id: 'company-piedpiper', name: 'Pied Piper' },
	{ id: 'company-dunder', name: 'Dunder Mifflin Paper' },
	{ id: 'company-bluth', name: 'Bluth Homes' },
	{ id: 'company-wonka', name: 'Wonka Confectionery' },
	{ id: 'company-gringotts', name: 'Gringotts Credit Union' },
	{ id: 'company-sterling', name: 'Sterling Cooper Advertising' },
	{ id: 'company-oceanic', name: 'Oceanic Travel' },
	{ id: 'company-prestige', name: 'Prestige Worldwide Events' },
	{ id: 'company-monarch', name: 'Monarch Veterinary' },
	{ id: 'company-duff', name: 'Duff Brewing' },
	{ id: 'company-krusty', name: 'Krusty Kitchens' }
];

type DemoLine = [description: string, quantity: number, unitPriceCents: number];

export const DEMO_QUOTES: { id: string; companyId: string; title: string; status: QuoteStatus; lines: DemoLine[] }[] = [
	{
		id: 'quote-acme-refresh',
		companyId: 'company-acme',
		title: 'Laptop refresh 2027',
		status: 'sent',
		lines: [
			['Lenovo ThinkPad T14 Gen 6', 12, 134_900],
			['Microsoft 365 Business Premium (monthly)', 12, 2_200],
			['Deployment and imaging, per device', 12, 9_500]
		]
	},
	{
		id: 'quote-acme-firewall',
		companyId: 'company-acme',
		title: 'Firewall replacement',
		status: 'draft',
		lines: [
			['Fortinet FortiGate 70G', 1, 118_000],
			['FortiCare Premium, 3 years', 1, 64_500],
			['Installation and configuration', 6, 12_500]
		]
	},
	{
		id: 'quote-globex-backup',
		companyId: 'company-globex',
		title: 'Backup and disaster recovery',
		status: 'accepted',
		lines: [
			['Datto SIRIS 4 appliance', 1, 329_000],
			['Cloud retention, 1 year (monthly)', 1, 18_900]
		]
	},
	{
		id: 'quote-initech-network',
		companyId: 'company-initech',
		title: 'Office Wi-Fi upgrade',
		status: 'declined',
		lines: [
			['Ubiquiti U7 Pro access point', 8, 18_900],
			['Cabling per drop', 8, 14_000]
		]
	},
	{
		id: 'quote-umbrella-m365',
		companyId: 'company-umbrella',
		title: 'Microsoft 365 migration',
		status: 'retracted',
		lines: [['Tenant migration project', 1, 450_000]]
	},
	{
		id: 'quote-stark-security',
		companyId: 'company-stark',
		title: 'Managed security bundle',
		status: 'draft',
		lines: [
			['EDR per endpoint (monthly)', 45, 650],
			['Security awareness training (monthly)', 45, 250],
			['Onboarding', 1, 150_000]
		]
	}
];

/**
 * The demo staff the sandbox PSAs know (so Synchronize links them): not the accounts whose point is a
 * missing or unverified company link, which a PSA sync would otherwise verify.
 */
export function demoPsaStaff(): DemoUser[] {
	return DEMO_USERS.filter((user) => user.kind === 'msp' && user.companyId !== null && user.companyVerified);
}
