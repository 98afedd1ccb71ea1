// How deeply a parsed JSON value nests, measured without recursion: arguments nested thousands deep
// would overflow the stack of JSON.stringify and of every recursive check after it.

/** Whether `value` holds arrays or objects nested more than `maxDepth` levels deep. */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
	const stack: [unknown, number][] = [[value, 0]];
	while (stack.length > 0) {
		const [current, depth] = stack.pop()!;
		if (current === null || typeof current !== 'object') continue;
		if (depth + 1 > maxDepth) return true;
		for (const child of Object.values(current)) stack.push([child, depth + 1]);
	}
	return false;
}
