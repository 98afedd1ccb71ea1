// The Node entry: reads the configuration, opens and migrates the store, seeds the demo in sandbox
// mode, and serves the PWA and /api on one port.

import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { readConfig, sandboxWarning } from './config.ts';
import { enqueueDuePeriodicJobs } from './jobs/periodic-jobs.ts';
import { enqueueDueOrderPolls } from './procurement/order-polls.ts';
import { pruneActivity, PRUNE_EVERY_MS } from './activity/prune-activity.ts';
import { deliverAfterCommit } from './mail/deliver-after-commit.ts';
import { createMailSeal } from './mail/mail-seal.ts';
import { createMailboxMailer } from './mail/mailer.ts';
import { sealKeptMail } from './mail/seal-kept-mail.ts';
import { nodeClientAddress } from './platform/node-client-address.ts';
import { nodeOutboundPolicy } from './platform/node-outbound-policy.ts';
import { preparePrivateDataDir } from './platform/private-data-dir.ts';
import { createScryptHasher } from './platform/node-password-hasher.ts';
import { mountWeb } from './platform/serve-web.ts';
import { credentialsKey } from './platform/credentials-key.ts';
import { createStatusPoller } from './incidents/status-poller.ts';
import { createPsaServices } from './psa/psa-services.ts';
import { openStore } from './store/store.ts';
import { createPokeHub } from './sync/poke-hub.ts';

// Before anything is created: files and directories this process makes are its user's alone (the
// store, its WAL, the sealing key).
process.umask(0o077);

const result = readConfig(process.env);
if (!result.ok) {
	console.error(`Outpost cannot start; fix these settings:\n  ${result.problems.join('\n  ')}`);
	process.exit(1);
}
const { config } = result;

preparePrivateDataDir(config.dataDir);
const store = await openStore({
	databaseUrl: config.databaseUrl,
	sqlitePath: join(config.dataDir, 'outpost.sqlite')
}).catch((error: unknown) => {
	console.error(`Outpost cannot open its store: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
const passwords = createScryptHasher();
// Sandbox-only parts (demo seed, stand-in providers, simulated PSAs) load only in sandbox mode, so a
// real deployment does not keep them in memory.
const sandboxParts = config.sandbox ? await import('./sandbox-parts.ts') : null;
if (sandboxParts && (await sandboxParts.seedDemo(store, passwords, Date.now()))) {
	console.log('Sandbox: seeded the demo organisation (password for every demo account: outpost-demo).');
}
// A sandbox without real providers gets local stand-ins, so the demo's Google and Microsoft buttons
// work. They sign in whoever the sign-in page names, so they never run outside sandbox mode.
const mockProviders =
	sandboxParts && !config.google && !config.microsoft
		? {
				google: await sandboxParts.startMockOidcProvider('Google'),
				microsoft: await sandboxParts.startMockOidcProvider('Microsoft')
			}
		: null;
if (mockProviders) console.log('Sandbox: local OpenID providers stand in for Google and Microsoft.');
const oidc = mockProviders ?? { google: config.google, microsoft: config.microsoft };

// One key, kept outside the store, seals PSA credentials and (through a derived key) the mailbox.
const sealingKey = credentialsKey(config.dataDir, config.credentialsKey);
// Mail is always kept in the mailbox, sealed; with SMTP configured it is also delivered once its
// change commits, and the kept copy loses its links.
// nodemailer and pg load only where they are used (about 15 MB each at start).
const smtp = config.smtp ? (await import('./platform/smtp-delivery.ts')).createSmtpDelivery(config.smtp) : null;
const mailSeal = await createMailSeal(sealingKey);
const sealedNow = await sealKeptMail(store, mailSeal);
if (sealedNow) console.log(`Sealed ${sealedNow} messages the mailbox kept in clear (their links taken out).`);
const mailer = createMailboxMailer({
	seal: mailSeal,
	deliver: smtp ? deliverAfterCommit(store.db, smtp.deliver) : undefined
});

// Across several replicas on Postgres, pokes travel through LISTEN/NOTIFY.
const pokes = config.databaseUrl
	? await (await import('./store/pg-poke-hub.ts')).createPgPokeHub(config.databaseUrl)
	: createPokeHub();
// PSA sync: credentials sealed with a key kept outside the store; in sandbox mode the demo
// organisation is connected to the simulated PSAs and distributors, which run on loopback.
const psa = await createPsaServices({
	store,
	pokes,
	credentialsKey: sealingKey,
	outbound: nodeOutboundPolicy(config.sandbox)
});
const psaSandbox = sandboxParts ? await sandboxParts.startPsaSandbox(Date.now()) : null;
if (sandboxParts && psaSandbox) {
	await sandboxParts.connectSandboxPsas(store, psa, psaSandbox, sandboxParts.DEMO_ORG.id, Date.now(), config.publicUrl);
	console.log(
		'Sandbox: the demo organisation is connected to simulated Autotask, ConnectWise PSA, HaloPSA, Ingram Micro and TD SYNNEX.'
	);
}
psa.runner.start();
const periodic = setInterval(() => {
	enqueueDuePeriodicJobs(store, Date.now()).catch((error: unknown) =>
		console.error('Scheduling PSA jobs failed', error)
	);
	enqueueDueOrderPolls(store, Date.now()).catch((error: unknown) =>
		console.error('Scheduling purchase order polls failed', error)
	);
	psa.health.sweep().catch((error: unknown) => console.error('Sweeping platform incidents failed', error));
}, 30_000);
// Vendors' status pages (platform incidents); the sandbox's are on loopback and cheap to read often.
const statusPoller = createStatusPoller({ store, write: psa.write, outbound: psa.outbound });
statusPoller.start(config.sandbox ? 5_000 : 2 * 60_000);
const pruneLog = () =>
	pruneActivity(store, Date.now()).catch((error: unknown) => console.error('Pruning the activity log failed', error));
void pruneLog();
const pruning = setInterval(pruneLog, PRUNE_EVERY_MS);

const { app } = await createApp({
	store,
	passwords,
	pokes,
	sandbox: config.sandbox,
	publicUrl: config.publicUrl,
	mailer,
	clientAddress: nodeClientAddress(config.trustProxy),
	oidc,
	psa
});
if (!(await mountWeb(app, resolve(config.webDir)))) {
	console.warn(`No built PWA in ${config.webDir}: serving /api only (run npm run build).`);
}

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
	const where = store.kind === 'sqlite' ? join(config.dataDir, 'outpost.sqlite') : 'PostgreSQL';
	console.log(`Outpost is running on http://localhost:${info.port} (store: ${where})`);
	const warning = sandboxWarning(config);
	if (warning) console.warn(warning);
});

async function shutdown() {
	clearInterval(periodic);
	statusPoller.stop();
	clearInterval(pruning);
	await psa.runner.stop();
	await psaSandbox?.close();
	pokes.close();
	server.close();
	smtp?.close();
	await Promise.all(Object.values(mockProviders ?? {}).map((p) => p.close()));
	await store.close();
	process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
