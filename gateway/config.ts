// The gateway's configuration, read from the environment and checked by zod: a wrong value stops
// the start with a sentence naming the variable, never a stack trace later.

import { z } from 'zod';
import { isLoopbackHttp, type OidcProviderConfig } from './auth/oidc/oidc-providers.ts';
import { DEMO_MSP_DOMAIN, DEMO_PASSWORD } from './demo/demo-data.ts';
import type { SmtpSettings } from './platform/smtp-delivery.ts';

/** https only; plain http is allowed on the loopback interface, for a local provider. */
function isAllowedIssuer(value: string): boolean {
	if (!URL.canParse(value)) return false;
	const url = new URL(value);
	return url.protocol === 'https:' || isLoopbackHttp(url);
}
const issuerUrl = z.string().refine(isAllowedIssuer, 'must be an https:// URL (plain http only on localhost)');

function isSmtpUrl(value: string): boolean {
	if (!URL.canParse(value)) return false;
	const url = new URL(value);
	return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
}

const configSchema = z.object({
	PORT: z.coerce.number().int().min(1).max(65_535).default(8787),
	/** Every interface by default; loopback by default in sandbox mode (see SANDBOX). */
	HOST: z.string().min(1).optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
		.optional(),
	WEB_DIR: z.string().min(1).default('./build'),
	/** The address people use to reach Outpost; links in mail point there. */
	PUBLIC_URL: z.url().optional(),
	/**
	 * Sandbox mode seeds the demo organisation (admin with a known password), runs the PSA simulators
	 * and stand-in OpenID providers. Off unless asked for; `on` serves loopback only, `public` the
	 * network too (a deliberate choice, with a loud warning). npm start asks for `on`.
	 */
	SANDBOX: z.enum(['on', 'off', 'public']).default('off'),
	/** Sign-in with Google and Microsoft (OpenID Connect): a provider is enabled when its client id is set. */
	GOOGLE_ISSUER: issuerUrl.default('https://accounts.google.com'),
	GOOGLE_CLIENT_ID: z.string().min(1).optional(),
	GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
	/** https://login.microsoftonline.com/<tenant id>/v2.0 */
	MICROSOFT_ISSUER: issuerUrl.optional(),
	MICROSOFT_CLIENT_ID: z.string().min(1).optional(),
	MICROSOFT_CLIENT_SECRET: z.string().min(1).optional(),
	/** 1 behind one reverse proxy: the client's address (for sign-in limits) is then its X-Forwarded-For entry. */
	TRUST_PROXY: z.enum(['0', '1']).default('0'),
	/** 32 random bytes, base64, that seal PSA credentials; without it a key file in DATA_DIR is made and used. */
	CREDENTIALS_KEY: z
		.string()
		.refine((v) => /^[A-Za-z0-9+/]{43}=$/.test(v), 'must be 32 bytes in base64 (openssl rand -base64 32)')
		.optional(),
	/** Outgoing mail, e.g. smtp://user:pass@host:587; without it mail only reaches the in-app mailbox. */
	SMTP_URL: z.string().refine(isSmtpUrl, 'must be an smtp:// or smtps:// URL').optional(),
	MAIL_FROM: z
		.string()
		.regex(
			/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
			'must be like outpost@example.com or Outpost <outpost@example.com>'
		)
		.optional()
});

/** Settings that only make sense together: a client id needs its secret (and Microsoft its tenant's issuer). */
const REQUIRED_WITH: [needs: string, when: string][] = [
	['GOOGLE_CLIENT_SECRET', 'GOOGLE_CLIENT_ID'],
	['MICROSOFT_CLIENT_SECRET', 'MICROSOFT_CLIENT_ID'],
	['MICROSOFT_ISSUER', 'MICROSOFT_CLIENT_ID'],
	['MAIL_FROM', 'SMTP_URL']
];

export type Config = {
	port: number;
	host: string;
	dataDir: string;
	databaseUrl: string | undefined;
	webDir: string;
	publicUrl: string;
	sandbox: boolean;
	/** Undefined when the provider is not configured (sign-in with it is off). */
	google: OidcProviderConfig | undefined;
	microsoft: OidcProviderConfig | undefined;
	trustProxy: boolean;
	/** Undefined when mail is not delivered, only kept in the mailbox. */
	smtp: SmtpSettings | undefined;
	/** Base64; undefined means the key file in the data directory. */
	credentialsKey: string | undefined;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function readConfig(env: Record<string, string | undefined>): ConfigResult {
	const blankAsMissing = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
	const parsed = configSchema.safeParse(blankAsMissing);
	const missing = REQUIRED_WITH.filter(([needs, when]) => when in blankAsMissing && !(needs in blankAsMissing));
	const problems = [
		...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
		...missing.map(([needs, when]) => `${needs}: required when ${when} is set`)
	];
	if (!parsed.success || problems.length) return { ok: false, problems };
	const e = parsed.data;
	const host = e.HOST ?? (e.SANDBOX === 'on' ? '127.0.0.1' : '0.0.0.0');
	if (e.SANDBOX === 'on' && !isLoopbackHost(host)) {
		return {
			ok: false,
			problems: [
				`HOST: ${host} would publish the sandbox (a demo admin with a known password) beyond this machine; leave HOST unset, or set SANDBOX=public to show the demo on your network on purpose`
			]
		};
	}
	return {
		ok: true,
		config: {
			port: e.PORT,
			host,
			dataDir: e.DATA_DIR,
			databaseUrl: e.DATABASE_URL,
			webDir: e.WEB_DIR,
			publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
			sandbox: e.SANDBOX !== 'off',
			google: provider(e.GOOGLE_ISSUER, e.GOOGLE_CLIENT_ID, e.GOOGLE_CLIENT_SECRET),
			microsoft: provider(e.MICROSOFT_ISSUER, e.MICROSOFT_CLIENT_ID, e.MICROSOFT_CLIENT_SECRET),
			trustProxy: e.TRUST_PROXY === '1',
			smtp: e.SMTP_URL && e.MAIL_FROM ? { url: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
			credentialsKey: e.CREDENTIALS_KEY
		}
	};
}

function provider(issuer?: string, clientId?: string, clientSecret?: string): OidcProviderConfig | undefined {
	return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : undefined;
}

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine reaches. */
export function isLoopbackHost(host: string): boolean {
	return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The banner to print when the sandbox's known demo admin is reachable from other machines; else null. */
export function sandboxWarning(config: Pick<Config, 'sandbox' | 'host' | 'port'>): string | null {
	if (!config.sandbox || isLoopbackHost(config.host)) return null;
	const rule = '!'.repeat(78);
	return [
		rule,
		`!!  SANDBOX MODE IS REACHABLE FROM THE NETWORK (HOST=${config.host}, port ${config.port}).`,
		`!!  Anyone who can reach this port can sign in as admin@${DEMO_MSP_DOMAIN}`,
		`!!  with the published password "${DEMO_PASSWORD}", and the stand-in OpenID providers`,
		'!!  sign in anyone they are told to. Use this only to show the demo on a network you trust.',
		'!!  For a real deployment set SANDBOX=off (the default when not started with npm start).',
		rule
	].join('\n');
}
