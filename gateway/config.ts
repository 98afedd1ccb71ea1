// The gateway's configuration, read from the environment and checked by zod: a wrong value stops
// the start with a sentence naming the variable, never a stack trace later.

import { z } from 'zod';

const configSchema = z.object({
	PORT: z.coerce.number().int().min(1).max(65_535).default(8787),
	HOST: z.string().min(1).default('0.0.0.0'),
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
		.optional(),
	WEB_DIR: z.string().min(1).default('./build'),
	/** The address people use to reach Outpost; links in mail point there. */
	PUBLIC_URL: z.url().optional(),
	/** Sandbox mode seeds the demo organisation (and, with the PSA issues, runs the simulators). */
	SANDBOX: z.enum(['on', 'off']).default('on')
});

export type Config = {
	port: number;
	host: string;
	dataDir: string;
	databaseUrl: string | undefined;
	webDir: string;
	publicUrl: string;
	sandbox: boolean;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function readConfig(env: Record<string, string | undefined>): ConfigResult {
	const blankAsMissing = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
	const parsed = configSchema.safeParse(blankAsMissing);
	if (!parsed.success) {
		return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
	}
	const e = parsed.data;
	return {
		ok: true,
		config: {
			port: e.PORT,
			host: e.HOST,
			dataDir: e.DATA_DIR,
			databaseUrl: e.DATABASE_URL,
			webDir: e.WEB_DIR,
			publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
			sandbox: e.SANDBOX === 'on'
		}
	};
}
