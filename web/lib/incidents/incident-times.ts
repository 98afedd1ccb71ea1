// How incidents say when: "since 09:41" today, "since 3 Dec, 09:41" before; a span for closed ones.

const time = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
const dayAndTime = (t: number) =>
	new Date(t).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function sameDay(a: number, b: number): boolean {
	return new Date(a).toDateString() === new Date(b).toDateString();
}

export function sinceText(startedAt: number, now = Date.now()): string {
	return `Since ${sameDay(startedAt, now) ? time(startedAt) : dayAndTime(startedAt)}`;
}

export function spanText(startedAt: number, endedAt: number | null, now = Date.now()): string {
	if (endedAt === null) return sinceText(startedAt, now);
	const end = sameDay(startedAt, endedAt) ? time(endedAt) : dayAndTime(endedAt);
	return `${dayAndTime(startedAt)} – ${end}`;
}
