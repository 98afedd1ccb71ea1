// The adapter's non-secret settings (the integrations row's `settings`). Everything is optional: a
// tenant with none syncs with Halo's own defaults.

import { z } from 'zod';

export const haloSettingsSchema = z.looseObject({
	/** An opportunity-enabled ticket type (§3.5 `tickettype_id`); Halo's default for `/Opportunities` without it. */
	opportunityTicketTypeId: z.number().int().positive().optional()
});
export type HaloSettings = z.infer<typeof haloSettingsSchema>;
