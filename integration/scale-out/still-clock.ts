// Preloaded into a replica (node --import) when OUTPOST_STILL_CLOCK is set: Date.now() answers that
// instant for the process's whole life. The convergence oracle replays every mutation with the
// gateway's clock, as restartable-gateway.ts does by giving the app a clock that stands still.

const at = Number(process.env.OUTPOST_STILL_CLOCK);
if (!Number.isSafeInteger(at)) throw new Error(`OUTPOST_STILL_CLOCK must be milliseconds since 1970, not ${at}`);
Date.now = () => at;
