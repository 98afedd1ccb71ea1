// What the simulated tenant has served: calls per endpoint and a log of every request, with the
// status it got. Faulted requests count too.

export type LoggedRequest = { at: number; method: string; endpoint: string; path: string; status: number | null };

export type Usage = {
	record(entry: Omit<LoggedRequest, 'status'>): LoggedRequest;
	calls(): Record<string, number>;
	total(): number;
	log(): LoggedRequest[];
	reset(): void;
};

export function createUsage(): Usage {
	let entries: LoggedRequest[] = [];
	return {
		record(entry) {
			const logged = { ...entry, status: null };
			entries.push(logged);
			return logged;
		},
		calls() {
			const counts: Record<string, number> = {};
			for (const e of entries) counts[e.endpoint] = (counts[e.endpoint] ?? 0) + 1;
			return counts;
		},
		total: () => entries.length,
		log: () => entries.map((e) => ({ ...e })),
		reset() {
			entries = [];
		}
	};
}
