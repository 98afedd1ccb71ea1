// The migrations in order. Append only: a migration that has shipped is never edited.

import type { Migration } from 'kysely';
import { initial } from './001-initial.ts';
import { binaryCollation } from './002-binary-collation.ts';
import { psaJobs } from './003-psa-jobs.ts';
import { incidents } from './005-incidents.ts';
import { webhookEvents } from './006-webhook-events.ts';

export const MIGRATIONS: Record<string, Migration> = {
	'001-initial': initial,
	'002-binary-collation': binaryCollation,
	'003-psa-jobs': psaJobs,
	// 004 is another branch's (issue 16: the activity log).
	'005-incidents': incidents,
	'006-webhook-events': webhookEvents
};
