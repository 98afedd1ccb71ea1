// Zod schema of what Admin › Distributors replicates: one row per distributor with its non-secret
// ordering settings and the last connection test. The credentials never replicate: they are sealed in
// the gateway's integration_credentials under the distributor's name.

import { z } from 'zod';
import { timestamp } from './timestamp.ts';

export const DISTRIBUTORS = ['ingrammicro', 'tdsynnex'] as const;
export const distributorName = z.enum(DISTRIBUTORS);
export type DistributorName = z.infer<typeof distributorName>;

export const DISTRIBUTOR_LABELS: Record<DistributorName, string> = {
	ingrammicro: 'Ingram Micro',
	tdsynnex: 'TD SYNNEX'
};

/**
 * untested: saved, never tested; connected; reauthenticate: Ingram Micro's OAuth token or client
 * secret refused; invalid_customer_number: the seed's `Invalid customer number`; credentials_refused:
 * a login refused; failed: anything else (unreachable, maintenance).
 */
export const CONNECTION_STATES = [
	'untested',
	'connected',
	'reauthenticate',
	'invalid_customer_number',
	'credentials_refused',
	'failed'
] as const;
export const distributorConnectionState = z.enum(CONNECTION_STATES);
export type DistributorConnectionState = z.infer<typeof distributorConnectionState>;

export const distributorConnectionSchema = z.object({
	state: distributorConnectionState,
	message: z.string().max(2_000),
	checkedAt: timestamp.nullable()
});
export type DistributorConnection = z.infer<typeof distributorConnectionSchema>;

export const distributorSchema = z.object({
	id: distributorName,
	/** Credentials are saved (only this flag replicates). */
	configured: z.boolean(),
	/** The account the credentials order for: shown, never secret. */
	customerNumber: z.string().max(40).nullable(),
	/** Two-letter ISO country of the account. */
	country: z
		.string()
		.regex(/^[A-Z]{2}$/)
		.nullable(),
	orderingEnabled: z.boolean(),
	/** 1 is tried first when both sell a product at the same terms. */
	preferenceRank: z.number().int().min(1).max(DISTRIBUTORS.length),
	connection: distributorConnectionSchema
});
export type Distributor = z.infer<typeof distributorSchema>;

export function defaultDistributor(name: DistributorName): Distributor {
	return {
		id: name,
		configured: false,
		customerNumber: null,
		country: null,
		orderingEnabled: false,
		preferenceRank: DISTRIBUTORS.indexOf(name) + 1,
		connection: { state: 'untested', message: '', checkedAt: null }
	};
}

/** Every distributor, most preferred first; a missing row takes its default place. */
export function inPreferenceOrder(rows: readonly (Distributor | null | undefined)[]): Distributor[] {
	const byName = new Map(rows.filter((row): row is Distributor => !!row).map((row) => [row.id, row]));
	return DISTRIBUTORS.map((name) => byName.get(name) ?? defaultDistributor(name)).sort(
		(a, b) => a.preferenceRank - b.preferenceRank || DISTRIBUTORS.indexOf(a.id) - DISTRIBUTORS.indexOf(b.id)
	);
}
