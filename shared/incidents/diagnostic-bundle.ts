// The diagnostic bundle a report of an incident carries to support: versions, the browser, the
// device's sync state, outbox size, recent sync errors by code, and ids of recent issues and
// incidents. Built by picking named fields from what the device knows, never by copying objects, so
// credentials, tokens, mutation arguments and customer data (beyond ids) cannot ride along.

import { z } from 'zod';
import { id } from '../schema/entities.ts';
import { storedText } from '../schema/storable-text.ts';
import { timestamp } from '../schema/timestamp.ts';

const CONNECTIONS = ['connecting', 'connected', 'offline', 'needs-auth', 'error'] as const;
export const BUNDLE_LIMITS = { rejections: 10, issues: 20, incidents: 20 } as const;

export const diagnosticBundleSchema = z
	.object({
		appVersion: storedText(100),
		protocolVersion: z.number().int().nonnegative(),
		schemaVersion: z.number().int().nonnegative(),
		browser: storedText(500),
		/** The screen's path, without query or fragment (links in mail carry tokens there). */
		page: storedText(300),
		connection: z.enum(CONNECTIONS),
		online: z.boolean(),
		outboxSize: z.number().int().nonnegative(),
		lastSyncedAt: timestamp.nullable(),
		/** Changes the server refused lately: which mutation and the error code, never their arguments. */
		recentRejections: z
			.array(z.object({ mutation: storedText(64), code: storedText(64), at: timestamp }).strict())
			.max(BUNDLE_LIMITS.rejections),
		recentIssueIds: z.array(id).max(BUNDLE_LIMITS.issues),
		openIncidentIds: z.array(id).max(BUNDLE_LIMITS.incidents)
	})
	.strict();
export type DiagnosticBundle = z.infer<typeof diagnosticBundleSchema>;

/** What a device knows, as loosely as it holds it; only the fields named in the bundle are read. */
export type DiagnosticSources = {
	appVersion: string;
	protocolVersion: number;
	schemaVersion: number;
	userAgent: string;
	pathname: string;
	online: boolean;
	status: { connection: (typeof CONNECTIONS)[number]; pending: number; lastSyncedAt: number | null };
	rejections: readonly { name: string; code: string; receivedAt: number }[];
	issues: readonly { id: string; lastSeenAt: number }[];
	incidents: readonly { id: string; endedAt: number | null; startedAt: number }[];
};

const cut = (text: string, max: number) => text.slice(0, max);

export function buildDiagnosticBundle(from: DiagnosticSources): DiagnosticBundle {
	const newestFirst = <T>(rows: readonly T[], at: (row: T) => number) => [...rows].sort((a, b) => at(b) - at(a));
	return {
		appVersion: cut(from.appVersion, 100),
		protocolVersion: from.protocolVersion,
		schemaVersion: from.schemaVersion,
		browser: cut(from.userAgent, 500),
		page: cut(from.pathname.split(/[?#]/)[0] ?? '', 300),
		connection: from.status.connection,
		online: from.online,
		outboxSize: from.status.pending,
		lastSyncedAt: from.status.lastSyncedAt,
		recentRejections: newestFirst(from.rejections, (r) => r.receivedAt)
			.slice(0, BUNDLE_LIMITS.rejections)
			.map((r) => ({ mutation: cut(r.name, 64), code: cut(r.code, 64), at: r.receivedAt })),
		recentIssueIds: newestFirst(from.issues, (i) => i.lastSeenAt)
			.slice(0, BUNDLE_LIMITS.issues)
			.map((i) => i.id),
		openIncidentIds: newestFirst(
			from.incidents.filter((i) => i.endedAt === null),
			(i) => i.startedAt
		)
			.slice(0, BUNDLE_LIMITS.incidents)
			.map((i) => i.id)
	};
}
