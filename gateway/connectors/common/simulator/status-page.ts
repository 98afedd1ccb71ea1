// Sandbox mode's vendor status pages: one Atlassian Statuspage-style feed per system on a loopback
// port (`/<system>/api/v2/summary.json` and `…/status.json`). Unlike the PSA simulators its control is
// also HTTP (`PUT /<system>/control`), so a browser test can take a vendor down from outside the process;
// a status page is public information, and this runs in sandbox mode only, on loopback.

import { Hono } from 'hono';
import { z } from 'zod';
import { incidentSystem, type IncidentSystem } from '../../../../shared/schema/incident-entities.ts';
import { createLoopbackServer } from './loopback.ts';

export const pageStateSchema = z
	.object({
		indicator: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
		description: z.string().max(300),
		incident: z.string().max(300).nullable().default(null),
		maintenance: z.string().max(300).nullable().default(null)
	})
	.strict();
export type PageState = z.input<typeof pageStateSchema>;

const OPERATIONAL: z.infer<typeof pageStateSchema> = {
	indicator: 'none',
	description: 'All Systems Operational',
	incident: null,
	maintenance: null
};

export type StatusPageSimulator = {
	/** Serves on loopback; answers the origin. */
	listen(): Promise<string>;
	/** The summary.json URL of one system's page, once listening. */
	urlOf(system: IncidentSystem): string;
	set(system: IncidentSystem, state: PageState): void;
	/** Requests served, all pages together. */
	calls(): number;
	close(): Promise<void>;
};

export function createStatusPageSimulator(): StatusPageSimulator {
	const pages = new Map<IncidentSystem, z.infer<typeof pageStateSchema>>();
	let served = 0;
	let origin: string | null = null;
	const stateOf = (system: IncidentSystem) => pages.get(system) ?? OPERATIONAL;

	const summary = (system: IncidentSystem) => {
		const state = stateOf(system);
		const now = new Date().toISOString();
		return {
			page: { id: `sandbox-${system}`, name: system, url: `${origin}/${system}`, updated_at: now },
			components: [],
			status: { indicator: state.indicator, description: state.description },
			incidents: state.incident
				? [
						{
							id: 'sandbox-incident',
							name: state.incident,
							status: 'investigating',
							impact: state.indicator,
							created_at: now
						}
					]
				: [],
			scheduled_maintenances: state.maintenance
				? [
						{
							id: 'sandbox-maintenance',
							name: state.maintenance,
							status: 'in_progress',
							scheduled_for: now,
							scheduled_until: null
						}
					]
				: []
		};
	};

	const app = new Hono()
		.use('/:system/*', async (c, next) => {
			if (!incidentSystem.safeParse(c.req.param('system')).success) return c.json({ error: 'No such page' }, 404);
			served++;
			await next();
		})
		.get('/:system/api/v2/summary.json', (c) => c.json(summary(c.req.param('system') as IncidentSystem)))
		.get('/:system/api/v2/status.json', (c) => {
			const { page, status } = summary(c.req.param('system') as IncidentSystem);
			return c.json({ page, status });
		})
		.put('/:system/control', async (c) => {
			const parsed = pageStateSchema.safeParse(await c.req.json().catch(() => null));
			if (!parsed.success) return c.json({ error: parsed.error.issues.map((i) => i.message).join('; ') }, 400);
			pages.set(c.req.param('system') as IncidentSystem, parsed.data);
			return c.body(null, 204);
		});

	const server = createLoopbackServer('status page', app.fetch);
	return {
		async listen() {
			origin = await server.listen();
			return origin;
		},
		urlOf(system) {
			if (!origin) throw new Error('The status page simulator is not listening.');
			return `${origin}/${system}/api/v2/summary.json`;
		},
		set(system, state) {
			pages.set(system, pageStateSchema.parse(state));
		},
		calls: () => served,
		close: () => server.close()
	};
}
