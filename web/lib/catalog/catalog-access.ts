// What a signed-in person may do in the catalog and the company screens, from their permissions.
// The gateway enforces the same through each mutation's permission; this only shapes the screens.

import { can, type Principal } from '../../../shared/auth/permissions.ts';

export type CatalogAccess = {
	/** Any product permission: products, categories and pricing books replicate to them. */
	view: boolean;
	editProducts: boolean;
	importProducts: boolean;
	editPricingBooks: boolean;
};

export function catalogAccess(p: Principal): CatalogAccess {
	return {
		view: (['productViewer', 'productEditor', 'productsImporter', 'pricingBookEditor'] as const).some((x) => can(p, x)),
		editProducts: can(p, 'productEditor'),
		importProducts: can(p, 'productsImporter'),
		editPricingBooks: can(p, 'pricingBookEditor')
	};
}

/** Companies and contacts are for the MSP's own staff; a customer contact never opens them. */
export function companyAccess(p: Principal): { view: boolean; edit: boolean } {
	const view = p.kind === 'msp' && can(p, null);
	return { view, edit: view && can(p, 'companyEditor') };
}
