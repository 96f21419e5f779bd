import type { WorkoutsClient } from "./db";
import type { IngestRun } from "./ingest/runs";

/** How often a follower reads its run's row anyway: a run of another process (the CLI's) is only seen there. */
export const runPollMs = 1_000;

const ended = new Set<IngestRun["status"]>(["SUCCEEDED", "FAILED", "CANCELLED"]);

/** What a subscriber is shown of a run: a heartbeat alone is no update. */
const shownState = (run: IngestRun) =>
  JSON.stringify([
    run.status,
    run.seen,
    run.new,
    run.processed,
    run.failed,
    run.total,
    run.errorCode,
    run.error,
    run.startedAt?.getTime(),
    run.finishedAt?.getTime(),
  ]);

/**
 * The runs this process writes, told to those following them (one instance per API). A change is a
 * wake-up, not a payload: the follower reads the row, so that the many writes of a fast run between
 * two reads make one update, and nothing queues up behind a slow subscriber.
 */
export class RunEvents {
  private readonly watchers = new Map<number, Set<() => void>>();
  private readonly closing = new AbortController();

  /** `pollMs`: how often a follower reads its run's row anyway */
  constructor(private readonly pollMs = runPollMs) {}

  /** Ends every follower's stream (the server is shutting down: it must not wait for their runs to end). */
  close(): void {
    this.closing.abort();
  }

  /** This process wrote the run's row (started it, counted progress, ended it). */
  readonly publish = (runId: number): void => {
    for (const wake of this.watchers.get(runId) ?? []) wake();
  };

  /**
   * The run each time it changes, first as it is now (`current`), until it ends (SUCCEEDED, FAILED,
   * CANCELLED) or `clientGone` aborts; woken by `publish`, and reading the row every `pollMs` anyway.
   */
  follow(workouts: WorkoutsClient, current: IngestRun, clientGone?: AbortSignal) {
    const { pollMs } = this;
    const stop = new AbortController();
    const onGone = () => stop.abort();
    clientGone?.addEventListener("abort", onGone, { once: true });
    const closing = this.closing.signal;
    closing.addEventListener("abort", onGone, { once: true });
    if (closing.aborted) stop.abort();
    let changed = false;
    let wake: (() => void) | undefined;
    const watcher = () => {
      changed = true;
      wake?.();
    };
    const watchers = this.watchers.get(current.id) ?? new Set();
    this.watchers.set(current.id, watchers.add(watcher));
    const nextChange = () =>
      new Promise<void>((resolve) => {
        if (changed || stop.signal.aborted) return resolve();
        const timer = setTimeout(done, pollMs);
        stop.signal.addEventListener("abort", done, { once: true });
        function done() {
          clearTimeout(timer);
          stop.signal.removeEventListener("abort", done);
          wake = undefined;
          resolve();
        }
        wake = done;
      });

    const runs = this.watchers;
    async function* updates(): AsyncGenerator<IngestRun> {
      try {
        let run: IngestRun | null = current;
        let shown: string | undefined;
        while (run && !stop.signal.aborted) {
          const state = shownState(run);
          if (state !== shown) {
            shown = state;
            yield run;
          }
          if (ended.has(run.status)) return;
          await nextChange();
          changed = false;
          run = await workouts.ingestRun.findUnique({ where: { id: current.id } });
        }
      } finally {
        watchers.delete(watcher);
        if (watchers.size === 0 && runs.get(current.id) === watchers) runs.delete(current.id);
        clientGone?.removeEventListener("abort", onGone);
        closing.removeEventListener("abort", onGone);
      }
    }
    const iterator = updates();
    // a generator waiting for a change would only see return() after that change: stopping wakes it
    return {
      next: () => iterator.next(),
      return: (value?: unknown) => {
        stop.abort();
        return iterator.return(value as undefined);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    } satisfies AsyncIterableIterator<IngestRun>;
  }
}
