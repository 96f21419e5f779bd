import os from "node:os";

export interface StopSignals {
  /** aborted by the first SIGINT or SIGTERM */
  signal: AbortSignal;
  /** the first one received, if any */
  received(): NodeJS.Signals | undefined;
  dispose(): void;
}

const stopSignals = ["SIGINT", "SIGTERM"] as const;

/** The shell's exit code for a process ended by `signal`: 130 for SIGINT, 143 for SIGTERM. */
export const signalExitCode = (signal: NodeJS.Signals) => 128 + os.constants.signals[signal];

/**
 * A signal this soon after the first is the same one passed on: a terminal's Ctrl-C reaches every
 * process of its group, and npm (like tsx) also relays it to the command it runs.
 */
export const relayedWithinMs = 500;

/**
 * The first SIGINT or SIGTERM aborts `signal` so that the run stops cleanly after the step in flight;
 * a second one (after relayedWithinMs) exits at once (the next run takes over the one left behind,
 * and the stale lock).
 */
export function onStopSignals(notice: (signal: NodeJS.Signals) => void): StopSignals {
  const controller = new AbortController();
  let first: NodeJS.Signals | undefined;
  let firstAt = 0;
  const handle = (signal: NodeJS.Signals) => {
    if (first && performance.now() - firstAt < relayedWithinMs) return;
    if (first) {
      process.stderr.write(`\nStopped at once (${signal}).\n`);
      process.exit(signalExitCode(signal));
    }
    first = signal;
    firstAt = performance.now();
    notice(signal);
    controller.abort();
  };
  for (const name of stopSignals) process.on(name, handle);
  const remove = () => {
    for (const name of stopSignals) process.off(name, handle);
  };
  return {
    signal: controller.signal,
    received: () => first,
    dispose() {
      // a relay still on its way must not find the default handler, which would end the process at once
      const relayDue = first ? relayedWithinMs - (performance.now() - firstAt) : 0;
      if (relayDue > 0) setTimeout(remove, relayDue).unref();
      else remove();
    },
  };
}
