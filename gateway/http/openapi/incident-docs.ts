// The documentation of /api/incidents: Report an incident. Incidents themselves replicate (table
// `incidents`); only the report, which mails support, is an HTTP call.

import { incidentReportAnswerSchema, incidentReportSchema } from '../../../shared/incidents/incident-report.ts';
import { named, type RouteDoc } from './route-doc.ts';

export const INCIDENT_DOCS: RouteDoc[] = [
	{
		method: 'post',
		path: '/api/incidents/report',
		tag: 'Incidents',
		access: 'user',
		summary: 'Report an incident',
		description:
			"Records an incident of source `report` and mails it, with the device's diagnostic bundle (versions, sync state, outbox size, error codes and ids; nothing else is accepted), to the organisation's support email. MSP staff only.",
		body: named('IncidentReport', incidentReportSchema),
		response: {
			status: 200,
			description: 'The incident recorded, and where it was mailed (null: no support email is set).',
			schema: named('IncidentReportAnswer', incidentReportAnswerSchema)
		},
		errors: ['forbidden']
	}
];
