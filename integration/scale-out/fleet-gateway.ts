// The convergence world's gateway as a fleet: every device syncs through HAProxy, and a restart kills
// one replica with SIGKILL (each in turn) while the others keep serving, then starts it again in the
// background. Like restartable-gateway.ts, a restart waits for the requests in transit, so the devices
// see every answer a replica gave; the gate opens once HAProxy has taken the dead replica out of
// rotation. The replicas cannot change their pull page size, so a restart ignores one.

import type { RestartableGateway } from '../restartable-gateway.ts';
import { createTransitGate } from '../transit-gate.ts';
import { startFleet, type Fleet } from './fleet.ts';

export async function startFleetGateway(replicas: number): Promise<RestartableGateway & { fleet: Fleet }> {
	const now = Date.now();
	const fleet = await startFleet({ replicas, stillAt: now });
	const current = { baseUrl: fleet.baseUrl, store: fleet.store, login: fleet.login };
	let restarts = 0;
	const gate = createTransitGate();
	let respawning: Promise<void> = Promise.resolve();

	return {
		fleet,
		now,
		current,
		get restarts() {
			return restarts;
		},
		transit: gate.transit,
		restart: () =>
			gate.closedFor(async () => {
				// One replica down at a time: the previous one is back before the next goes.
				await respawning;
				const victim = fleet.replicas[restarts % fleet.replicas.length]!;
				await victim.kill();
				restarts += 1;
				await fleet.balancer.waitForUp(fleet.replicas.filter((r) => r !== victim).map((r) => r.name));
				respawning = victim.start();
			}),
		async close() {
			await respawning.catch(() => {});
			await fleet.close();
		}
	};
}
