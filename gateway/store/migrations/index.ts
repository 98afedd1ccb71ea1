// The migrations in order. Append only: a migration that has shipped is never edited.

import type { Migration } from 'kysely';
import { initial } from './001-initial.ts';

export const MIGRATIONS: Record<string, Migration> = {
	'001-initial': initial
};
