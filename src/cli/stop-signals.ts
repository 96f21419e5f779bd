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
 * The first SIGINT or SIGTERM aborts `signal` so that the run stops cleanly after the step in flight;
 * a second one exits at once (the next run takes over the one left behind, and the stale lock).
 */
export function onStopSignals(notice: (signal: NodeJS.Signals) => void): StopSignals {
  const controller = new AbortController();
  let first: NodeJS.Signals | undefined;
  const handle = (signal: NodeJS.Signals) => {
    if (first) {
      process.stderr.write(`\nStopped at once (${signal}).\n`);
      process.exit(signalExitCode(signal));
    }
    first = signal;
    notice(signal);
    controller.abort();
  };
  for (const name of stopSignals) process.on(name, handle);
  return {
    signal: controller.signal,
    received: () => first,
    dispose: () => stopSignals.forEach((name) => process.off(name, handle)),
  };
}
