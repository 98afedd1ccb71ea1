// Kysely's view of the store's tables. Booleans are 0/1 integers and JSON is text, so one schema
// serves SQLite and PostgreSQL alike.

export type Database = {
	orgs: {
		id: string;
		name: string;
		/** The organisation's space version: incremented, under its row lock, by every write transaction. */
		version: number;
		next_quote_number: number;
	};
	/** Identity and credentials; the admin-editable profile is the replicated `users` entity. */
	users: {
		id: string;
		org_id: string;
		email: string;
		password_hash: string | null;
		email_verified: number;
		/** Bumped whenever what this user may see changes; a pull with an older one resets the client. */
		acl_version: number;
		created_at: number;
	};
	user_identities: { provider: string; subject: string; user_id: string };
	one_time_tokens: {
		token_hash: string;
		purpose: 'invite' | 'verify-email' | 'reset-password';
		user_id: string;
		created_at: number;
		expires_at: number;
		used_at: number | null;
	};
	/** Mail as sent; in sandbox mode this is the mailbox an admin reads in the app. */
	sent_mail: { id: string; org_id: string; to_address: string; subject: string; body: string; sent_at: number };
	sign_in_attempts: { key: string; at: number };
	sessions: {
		id_hash: string;
		user_id: string;
		created_at: number;
		expires_at: number;
		last_seen_at: number;
	};
	client_groups: { id: string; user_id: string; org_id: string; created_at: number };
	clients: { id: string; client_group_id: string; last_mutation_id: number; version: number };
	rejections: {
		client_group_id: string;
		client_id: string;
		mutation_id: number;
		name: string;
		code: string;
		message: string;
		version: number;
	};
	entities: {
		org_id: string;
		tbl: string;
		id: string;
		version: number;
		deleted: number;
		/** The company the row belongs to, for customer contacts' partial replication. */
		scope: string | null;
		/** The value of the table's one secondary index (a quote line's quoteId, say). */
		parent: string | null;
		value: string;
	};
	jobs: {
		id: string;
		org_id: string;
		provider: string;
		kind: string;
		entity_id: string;
		/** Set while queued or running: the per-entity lock ("Already synchronizing"). */
		lock_key: string | null;
		status: 'queued' | 'running' | 'done' | 'failed';
		/** Runs started, a restart's included. */
		attempts: number;
		/** Automatic retries spent under the provider's retry policy. */
		retries: number;
		run_at: number;
		lease_until: number | null;
		last_error: string | null;
		requested_by: string | null;
		created_at: number;
		updated_at: number;
	};
	external_links: { org_id: string; provider: string; kind: string; local_id: string; external_id: string };
	/** AES-GCM sealed, never replicated. */
	integration_credentials: { org_id: string; provider: string; ciphertext: string; updated_at: number };
	psa_cursors: { org_id: string; provider: string; name: string; value: string };
	rate_usage: { budget_key: string; minute: number; count: number };
	rate_inflight: { token: string; budget_key: string; endpoint: string; lease_until: number };
	rate_budgets: { budget_key: string };
	/** What recent calls to each outside system told of its health (gateway/incidents/health-rule.ts). */
	health_outcomes: { id: string; org_id: string; system: string; at: number; outcome: string };
	/** Distributor webhook events applied (gateway/procurement/webhook-events.ts), pruned by age. */
	webhook_events: { org_id: string; source: string; event_id: string; received_at: number };
};
