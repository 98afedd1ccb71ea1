// The activity log (DESIGN section 2, issue 16): one entry per change, written by the gateway in the
// transaction of the change, never by a client. Replicated to admins for a recent window only
// (ACTIVITY_WINDOW_DAYS); older entries are read from the gateway page by page.

import { z } from 'zod';
import { id } from './entities.ts';
import { timestamp } from './timestamp.ts';

export const ACTIVITY_KINDS = ['person', 'sync', 'system'] as const;
export const activityKind = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof activityKind>;

/** How many days of the log an admin's device keeps offline; the gateway serves older pages. */
export const ACTIVITY_WINDOW_DAYS = 14;
/** How long the gateway keeps entries when the organisation has not chosen. */
export const DEFAULT_ACTIVITY_RETENTION_DAYS = 90;
export const activityRetentionDays = z.number().int().min(1).max(3650);

/** One field of one row, before and after (null when the row did not exist or no longer does). */
export const fieldChangeSchema = z.object({ field: z.string().max(200), before: z.unknown(), after: z.unknown() });

export const rowChangeSchema = z.object({
	table: z.string().max(40),
	id,
	op: z.enum(['create', 'update', 'delete']),
	fields: z.array(fieldChangeSchema)
});

export const activitySchema = z.object({
	/** Time-ordered (UUIDv7 layout from `at`): ids sort as entries happened. */
	id,
	at: timestamp,
	kind: activityKind,
	/** The person who made the change (kind person), else null. */
	userId: id.nullable(),
	/** The device (sync client) the change came from, for a person's change. */
	clientId: z.string().max(64).nullable(),
	/** The PSA or distributor whose sync made the change (kind sync). */
	provider: z.string().max(40).nullable(),
	/** The mutation's name, or what the sync or system was doing. */
	action: z.string().max(100),
	/** The entity the change is about: `table` and `id`, e.g. categories / cat-7. */
	entityTable: z.string().max(40),
	entityId: z.string().max(64),
	/** Every entity the change touched, as `table:id` (a line's quote included), for filtering. */
	entities: z.array(z.string().max(120)),
	changes: z.array(rowChangeSchema),
	/** Rows changed beyond those listed in `changes` (a large import lists its first rows only). */
	omitted: z.number().int().min(0)
});

export type FieldChange = z.infer<typeof fieldChangeSchema>;
export type RowChange = z.infer<typeof rowChangeSchema>;
export type Activity = z.infer<typeof activitySchema>;

/** Who made a change, as the writer knows it. */
export type ActivityActor =
	{ kind: 'person'; userId: string; clientId: string | null } | { kind: 'sync'; provider: string } | { kind: 'system' };

export const entityKey = (table: string, entityId: string) => `${table}:${entityId}`;

const DAY = 24 * 60 * 60 * 1000;

/** The smallest id an entry made at `at` can have: entries before it sort below it. */
export function activityIdFloor(at: number): string {
	const hex = Math.max(0, Math.floor(at)).toString(16).padStart(12, '0').slice(-12);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}

/** Random bytes drawn a few kilobytes at a time: one draw per entry costs more than the entry. */
let pool = new Uint8Array(0);
let used = 0;
function randomHex(bytes: number): string {
	if (used + bytes > pool.length) {
		pool = crypto.getRandomValues(new Uint8Array(4096));
		used = 0;
	}
	let hex = '';
	for (let k = 0; k < bytes; k++) hex += HEX[pool[used++]!];
	return hex;
}
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** A UUIDv7-shaped id whose first 48 bits are `at` in milliseconds, so ids sort by time. */
export function activityIdAt(at: number): string {
	const hex = randomHex(10);
	const variant = ((parseInt(hex.slice(4, 6), 16) & 0x3f) | 0x80).toString(16);
	return `${activityIdFloor(at)}-7${hex.slice(0, 3)}-${variant}${hex.slice(6, 9)}-${hex.slice(8, 20)}`;
}

/** The id below which entries are older than `days` days at `now`. */
export function activityCutoff(now: number, days: number): string {
	return activityIdFloor(now - days * DAY);
}

/** GET /api/admin/activity: a page of older entries, newest first. */
export const activityPageSchema = z.object({ entries: z.array(activitySchema), more: z.boolean() });
export type ActivityPage = z.infer<typeof activityPageSchema>;
