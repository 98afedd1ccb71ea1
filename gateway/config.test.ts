import { describe, expect, it } from 'vitest';
import { readConfig, sandboxWarning, type Config, type ConfigResult } from './config.ts';

function problems(result: ConfigResult): string[] {
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.problems;
}

describe('readConfig', () => {
	it('has a default for everything', () => {
		expect(readConfig({})).toEqual({
			ok: true,
			config: {
				port: 8787,
				host: '0.0.0.0',
				dataDir: './data',
				databaseUrl: undefined,
				webDir: './build',
				publicUrl: 'http://localhost:8787',
				sandbox: false,
				trustProxy: false,
				smtp: undefined
			}
		});
	});

	it('reads each variable, ignoring ones it does not know', () => {
		const result = readConfig({
			PORT: '3000',
			HOST: '127.0.0.1',
			DATA_DIR: '/var/lib/outpost',
			DATABASE_URL: 'postgresql://outpost@db:5432/outpost',
			WEB_DIR: '/srv/web',
			SANDBOX: 'off',
			PATH: '/usr/bin'
		});
		expect(result).toEqual({
			ok: true,
			config: {
				port: 3000,
				host: '127.0.0.1',
				dataDir: '/var/lib/outpost',
				databaseUrl: 'postgresql://outpost@db:5432/outpost',
				webDir: '/srv/web',
				publicUrl: 'http://localhost:3000',
				sandbox: false,
				trustProxy: false
			}
		});
		expect(readConfig({ DATABASE_URL: 'postgres://localhost/outpost' }).ok).toBe(true);
	});

	it('treats an empty variable as unset', () => {
		const result = readConfig({ PORT: '', DATABASE_URL: '', SANDBOX: '' });
		expect(result).toMatchObject({ ok: true, config: { port: 8787, databaseUrl: undefined, sandbox: false } });
	});

	it.each(['eighty', '0', '65536', '80.5', '-1'])('refuses PORT=%s with a sentence naming PORT', (port) => {
		const found = problems(readConfig({ PORT: port }));
		expect(found).toHaveLength(1);
		expect(found[0]).toMatch(/^PORT: \S/);
	});

	it.each(['mysql://db/outpost', 'localhost:5432', 'http://postgres@db/outpost'])(
		'refuses DATABASE_URL=%s, saying what it must be',
		(url) => {
			expect(problems(readConfig({ DATABASE_URL: url }))).toEqual([
				'DATABASE_URL: must be a postgres:// or postgresql:// URL'
			]);
		}
	);

	it('lists every wrong setting at once', () => {
		const found = problems(readConfig({ PORT: 'x', DATABASE_URL: 'sqlite://x', SANDBOX: 'maybe' }));
		expect(found.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'PORT', 'SANDBOX']);
	});
});

describe('SANDBOX and HOST', () => {
	const configOf = (env: Record<string, string>): Config => {
		const result = readConfig(env);
		if (!result.ok) throw new Error(result.problems.join('\n'));
		return result.config;
	};

	it('is off unless asked for, and then serves this machine only', () => {
		expect(configOf({})).toMatchObject({ sandbox: false, host: '0.0.0.0' });
		expect(configOf({ SANDBOX: 'on' })).toMatchObject({ sandbox: true, host: '127.0.0.1' });
	});

	it.each(['127.0.0.1', '127.0.0.2', '::1', 'localhost'])('runs the sandbox on the loopback HOST=%s', (host) => {
		expect(configOf({ SANDBOX: 'on', HOST: host })).toMatchObject({ sandbox: true, host });
	});

	it.each(['0.0.0.0', '::', '192.168.1.20', 'outpost.example.com'])(
		'refuses SANDBOX=on with HOST=%s, which would publish the demo admin',
		(host) => {
			expect(problems(readConfig({ SANDBOX: 'on', HOST: host }))).toEqual([
				`HOST: ${host} would publish the sandbox (a demo admin with a known password) beyond this machine; leave HOST unset, or set SANDBOX=public to show the demo on your network on purpose`
			]);
		}
	);

	it('publishes the sandbox on every interface only with SANDBOX=public, and then warns loudly', () => {
		const open = configOf({ SANDBOX: 'public' });
		expect(open).toMatchObject({ sandbox: true, host: '0.0.0.0' });
		const warning = sandboxWarning(open);
		expect(warning?.split('\n').length).toBeGreaterThanOrEqual(5);
		expect(warning).toContain('admin@demo.outpost.test');
		expect(warning).toContain('outpost-demo');
		expect(warning).toContain('0.0.0.0');
	});

	it('says nothing for a sandbox on loopback, nor without a sandbox', () => {
		expect(sandboxWarning(configOf({ SANDBOX: 'on' }))).toBeNull();
		expect(sandboxWarning(configOf({ SANDBOX: 'public', HOST: '127.0.0.1' }))).toBeNull();
		expect(sandboxWarning(configOf({}))).toBeNull();
	});
});

describe('PUBLIC_URL', () => {
	it('is where mail links point, without a trailing slash', () => {
		const result = readConfig({ PUBLIC_URL: 'https://outpost.example.com/' });
		expect(result.ok && result.config.publicUrl).toBe('https://outpost.example.com');
	});
	it('must be a URL', () => {
		const result = readConfig({ PUBLIC_URL: 'outpost' });
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems[0]).toMatch(/^PUBLIC_URL: /);
	});
});

describe('OpenID Connect providers', () => {
	it('are off until a client id is set', () => {
		const result = readConfig({ GOOGLE_CLIENT_SECRET: 'unused' });
		expect(result).toMatchObject({ ok: true, config: { google: undefined, microsoft: undefined } });
	});

	it('reads each provider, with Google at its public issuer by default', () => {
		const result = readConfig({
			GOOGLE_CLIENT_ID: 'g-id.apps.googleusercontent.com',
			GOOGLE_CLIENT_SECRET: 'g-secret',
			MICROSOFT_ISSUER: 'https://login.microsoftonline.com/0f3c2a57-4b2e-4d0c-9a41-7e8f1b2c3d4e/v2.0',
			MICROSOFT_CLIENT_ID: 'm-id',
			MICROSOFT_CLIENT_SECRET: 'm-secret'
		});
		expect(result.ok && result.config.google).toEqual({
			issuer: 'https://accounts.google.com',
			clientId: 'g-id.apps.googleusercontent.com',
			clientSecret: 'g-secret'
		});
		expect(result.ok && result.config.microsoft).toEqual({
			issuer: 'https://login.microsoftonline.com/0f3c2a57-4b2e-4d0c-9a41-7e8f1b2c3d4e/v2.0',
			clientId: 'm-id',
			clientSecret: 'm-secret'
		});
	});

	it('needs the secret with the client id, and the tenant issuer for Microsoft', () => {
		expect(problems(readConfig({ GOOGLE_CLIENT_ID: 'g-id', MICROSOFT_CLIENT_ID: 'm-id' })).sort()).toEqual([
			'GOOGLE_CLIENT_SECRET: required when GOOGLE_CLIENT_ID is set',
			'MICROSOFT_CLIENT_SECRET: required when MICROSOFT_CLIENT_ID is set',
			'MICROSOFT_ISSUER: required when MICROSOFT_CLIENT_ID is set'
		]);
	});

	it.each(['accounts.google.com', 'http://accounts.google.com', 'ftp://issuer.example'])(
		'refuses the issuer %s: https only, plain http only on localhost',
		(issuer) => {
			expect(problems(readConfig({ GOOGLE_ISSUER: issuer }))).toEqual([expect.stringMatching(/^GOOGLE_ISSUER: /)]);
		}
	);

	it('accepts a plain-http issuer on the loopback interface (a local provider)', () => {
		const result = readConfig({
			GOOGLE_ISSUER: 'http://127.0.0.1:9400',
			GOOGLE_CLIENT_ID: 'g',
			GOOGLE_CLIENT_SECRET: 's'
		});
		expect(result.ok && result.config.google?.issuer).toBe('http://127.0.0.1:9400');
	});

	it('reports a missing secret together with other wrong settings', () => {
		const found = problems(readConfig({ PORT: 'x', GOOGLE_CLIENT_ID: 'g' }));
		expect(found.map((p) => p.split(':')[0]).sort()).toEqual(['GOOGLE_CLIENT_SECRET', 'PORT']);
	});
});

describe('TRUST_PROXY', () => {
	it('is off unless set to 1, and nothing else', () => {
		expect(readConfig({ TRUST_PROXY: '1' })).toMatchObject({ ok: true, config: { trustProxy: true } });
		expect(readConfig({ TRUST_PROXY: '0' })).toMatchObject({ ok: true, config: { trustProxy: false } });
		expect(problems(readConfig({ TRUST_PROXY: 'yes' }))).toEqual([expect.stringMatching(/^TRUST_PROXY: /)]);
	});
});

describe('mail over SMTP', () => {
	it('is off without SMTP_URL: mail stays in the mailbox', () => {
		expect(readConfig({ MAIL_FROM: 'outpost@example.com' })).toMatchObject({ ok: true, config: { smtp: undefined } });
	});

	it.each(['outpost@example.com', 'Outpost <outpost@example.com>', '"Outpost, Northwind" <noreply@mail.example.com>'])(
		'reads SMTP_URL with MAIL_FROM %s',
		(from) => {
			const result = readConfig({ SMTP_URL: 'smtp://mailer:s3cret@mail.example.com:587', MAIL_FROM: from });
			expect(result.ok && result.config.smtp).toEqual({ url: 'smtp://mailer:s3cret@mail.example.com:587', from });
		}
	);

	it('accepts smtps:// for TLS from the first byte', () => {
		const result = readConfig({ SMTP_URL: 'smtps://mail.example.com', MAIL_FROM: 'outpost@example.com' });
		expect(result.ok && result.config.smtp?.url).toBe('smtps://mail.example.com');
	});

	it('needs MAIL_FROM with SMTP_URL', () => {
		expect(problems(readConfig({ SMTP_URL: 'smtp://mail.example.com' }))).toEqual([
			'MAIL_FROM: required when SMTP_URL is set'
		]);
	});

	it.each(['mail.example.com:587', 'http://mail.example.com', 'smtp:/mail'])('refuses SMTP_URL=%s', (url) => {
		expect(problems(readConfig({ SMTP_URL: url, MAIL_FROM: 'outpost@example.com' }))).toEqual([
			'SMTP_URL: must be an smtp:// or smtps:// URL'
		]);
	});

	it.each(['outpost', 'Outpost <outpost>', 'a b@example.com', '<>'])('refuses MAIL_FROM=%s', (from) => {
		expect(problems(readConfig({ SMTP_URL: 'smtp://mail.example.com', MAIL_FROM: from }))).toEqual([
			expect.stringMatching(/^MAIL_FROM: must be like outpost@example.com/)
		]);
	});
});
