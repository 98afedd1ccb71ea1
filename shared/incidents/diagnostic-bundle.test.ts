import { describe, expect, it } from 'vitest';
import { buildDiagnosticBundle, diagnosticBundleSchema, type DiagnosticSources } from './diagnostic-bundle.ts';

const SECRETS = [
	'hunter2-password',
	'session-token-abc123',
	'autotask-secret-xyz',
	'Acme Corporation',
	'jane.customer@acme.example',
	'reset-token-9f8e'
];

/**
 * A device's state as a report form would find it, with secrets wherever they could hide: extra fields
 * on every object, mutation arguments, rejection messages naming a customer, a token in the URL.
 */
function sourcesWithSecrets(): DiagnosticSources {
	const sources = {
		appVersion: '1733500000000',
		protocolVersion: 1,
		schemaVersion: 1,
		userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/131',
		pathname: '/reset?token=reset-token-9f8e#session-token-abc123',
		online: true,
		sessionToken: 'session-token-abc123',
		credentials: { secret: 'autotask-secret-xyz' },
		status: {
			connection: 'error',
			pending: 3,
			lastSyncedAt: 1_700,
			message: 'Acme Corporation refused',
			cookie: 'session-token-abc123'
		},
		outbox: [{ id: 1, name: 'changePassword', args: { password: 'hunter2-password' } }],
		rejections: [
			{
				name: 'updateQuote',
				code: 'quote_read_only',
				receivedAt: 10,
				message: 'Quote for Acme Corporation is sent',
				args: { contact: 'jane.customer@acme.example' }
			},
			{ name: 'saveCategory', code: 'invalid_input', receivedAt: 20, message: 'hunter2-password' }
		],
		issues: [
			{
				id: 'autotask:syncQuote:q-1',
				lastSeenAt: 5,
				message: 'Acme Corporation: BillingCode does not exist',
				entityLabel: 'Quote · Acme Corporation'
			},
			{ id: 'autotask:syncQuote:q-2', lastSeenAt: 9, message: 'x', entityLabel: 'jane.customer@acme.example' }
		],
		incidents: [
			{ id: 'incident-open', endedAt: null, startedAt: 3, cause: 'autotask-secret-xyz' },
			{ id: 'incident-closed', endedAt: 4, startedAt: 1 }
		]
	};
	return sources as DiagnosticSources;
}

describe('buildDiagnosticBundle', () => {
	it('keeps versions, sync state, outbox size, error codes and ids, newest first', () => {
		expect(buildDiagnosticBundle(sourcesWithSecrets())).toEqual({
			appVersion: '1733500000000',
			protocolVersion: 1,
			schemaVersion: 1,
			browser: 'Mozilla/5.0 (Linux; Android 14) Chrome/131',
			page: '/reset',
			connection: 'error',
			online: true,
			outboxSize: 3,
			lastSyncedAt: 1_700,
			recentRejections: [
				{ mutation: 'saveCategory', code: 'invalid_input', at: 20 },
				{ mutation: 'updateQuote', code: 'quote_read_only', at: 10 }
			],
			recentIssueIds: ['autotask:syncQuote:q-2', 'autotask:syncQuote:q-1'],
			openIncidentIds: ['incident-open']
		});
	});

	it('lets no secret, token or customer detail through, however the sources carry them', () => {
		const text = JSON.stringify(buildDiagnosticBundle(sourcesWithSecrets()));
		for (const secret of SECRETS) expect(text).not.toContain(secret);
	});

	it('builds what the gateway accepts, and the gateway refuses any field beyond it', () => {
		const bundle = buildDiagnosticBundle(sourcesWithSecrets());
		expect(diagnosticBundleSchema.safeParse(bundle).success).toBe(true);
		expect(diagnosticBundleSchema.safeParse({ ...bundle, sessionToken: 'session-token-abc123' }).success).toBe(false);
		const smuggled = {
			...bundle,
			recentRejections: [{ mutation: 'x', code: 'y', at: 1, message: 'Acme Corporation' }]
		};
		expect(diagnosticBundleSchema.safeParse(smuggled).success).toBe(false);
	});

	it('caps what it carries', () => {
		const many = sourcesWithSecrets();
		const issues = Array.from({ length: 50 }, (_, i) => ({ id: `issue-${i}`, lastSeenAt: i }));
		const bundle = buildDiagnosticBundle({ ...many, issues });
		expect(bundle.recentIssueIds).toHaveLength(20);
		expect(bundle.recentIssueIds[0]).toBe('issue-49');
	});
});
