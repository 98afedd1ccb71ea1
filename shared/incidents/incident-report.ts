// Report an incident on the wire: what a person says went wrong, on which system, with the device's
// diagnostic bundle; and the gateway's answer.

import { z } from 'zod';
import { id } from '../schema/entities.ts';
import { storableText, storedText } from '../schema/storable-text.ts';
import { incidentSystem } from '../schema/incident-entities.ts';
import { diagnosticBundleSchema } from './diagnostic-bundle.ts';

export const incidentReportSchema = z
	.object({
		system: incidentSystem,
		summary: z.string().trim().min(1, 'Say in a line what went wrong.').max(200).transform(storableText),
		details: storedText(4_000)
			.default('')
			.transform((text) => text.trim()),
		diagnostics: diagnosticBundleSchema
	})
	.strict();
export type IncidentReport = z.infer<typeof incidentReportSchema>;

export const incidentReportAnswerSchema = z.object({
	incidentId: id,
	/** The support address it was mailed to; null when the organisation has none set. */
	mailedTo: z.string().nullable()
});
export type IncidentReportAnswer = z.infer<typeof incidentReportAnswerSchema>;
