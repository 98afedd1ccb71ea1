// The time now, for "as of 2 hours ago": it moves on every minute while a component shows it.

export function minuteClock() {
	let now = $state(Date.now());
	$effect(() => {
		const timer = setInterval(() => (now = Date.now()), 60_000);
		return () => clearInterval(timer);
	});
	return {
		get now() {
			return now;
		}
	};
}
