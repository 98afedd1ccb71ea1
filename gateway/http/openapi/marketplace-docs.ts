// The documentation of /api/marketplace: price and availability from the distributors. What it
// answers is cached on the device (never replicated), so a rep offline sees the last known figures.

import { availabilityAnswerSchema, availabilityRequestSchema } from '../../../shared/marketplace/availability.ts';
import { named, type RouteDoc } from './route-doc.ts';

export const MARKETPLACE_DOCS: RouteDoc[] = [
	{
		method: 'post',
		path: '/api/marketplace/availability',
		tag: 'Marketplace',
		access: 'user',
		summary: 'Price and availability of parts at the distributors',
		description:
			'Asks every distributor configured at Admin › Distributors (Ingram Micro, TD SYNNEX) for up to 100 manufacturer part numbers, inside each one’s rate budget, and answers per part each distributor’s cost (cents), stock, warehouses, discontinued flag and when it answered, with the source picked by default: the cheapest with stock, ties going to the preferred distributor. A distributor that fails or is not configured is reported in `distributors` and the others still answer. MSP staff with Quote editor, Procurement editor or a product permission.',
		body: named('AvailabilityRequest', availabilityRequestSchema),
		response: {
			status: 200,
			description: 'Per part, the offers of the distributors that answered; per distributor, whether it answered.',
			schema: named('AvailabilityAnswer', availabilityAnswerSchema)
		},
		errors: ['forbidden']
	}
];
