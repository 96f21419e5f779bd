import type { WorkoutsClient } from "./db";
import { activeRun, type IngestRun } from "./ingest/runs";
import { silentLogger } from "./log";

/** How often a run's reader reads its row anyway: a run of another process (the CLI's) is only seen there. */
export const runPollMs = 1_000;
/** How many subscriptions one server follows at once. */
export const maxRunSubscriptions = 100;
/** A run silent this long is abandoned, as the stages take it (runs.ts' default staleAfterMs). */
const staleAfterMs = 120_000;

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

/** A read older than the state a subscriber has shown (taken before it): every write of a run moves its heartbeat. */
const olderThan = (run: IngestRun, shown: IngestRun) => run.heartbeatAt !== null && shown.heartbeatAt !== null && run.heartbeatAt < shown.heartbeatAt;

/** Refused subscription: the server follows as many as it may. */
export class TooManySubscriptionsError extends Error {
  override name = "TooManySubscriptionsError";
  constructor(readonly limit: number) {
    super(`This server already follows ${limit} subscriptions, as many as it takes at once: subscribe again later, or poll ingestRun(id).`);
  }
}

/** One run's reader, shared by everyone following the run. */
interface FollowedRun {
  /** the run as last read; null once its row is gone */
  run: IngestRun | null;
  /** counts the reads that changed what subscribers are shown */
  changes: number;
  subscribers: number;
  /** a read failed: the subscribers' streams end with it */
  error?: unknown;
  /** the reader has stopped (the run ended, no one follows it, or the server is closing) */
  stopped: boolean;
  /** this process writes the run and tells of each write: no need to read it on a timer */
  publishedHere: boolean;
  /** something changed since the last read */
  pending: boolean;
  /** wakes the reader (a change, a subscriber leaving, the server closing) */
  wakeReader: () => void;
  /** resolves those waiting for the next change (replaced at each) */
  announce: () => void;
  nextChange: Promise<void>;
}

/**
 * Follows runs for the ingestRun subscription (one instance per API). One reader per run, shared by
 * its subscribers, reads the row when this process tells of a write (`publish`, a wake-up rather than
 * a payload: the many writes of a fast run between two reads make one read, and nothing queues behind
 * a slow subscriber), and every `pollMs` for a run this process does not write (the CLI's). The reader
 * stops when the run ends, when its last subscriber leaves, and when the server closes. A run left
 * active by a process that died is marked FAILED (ABANDONED) by the stages' own rule once it has been
 * silent for two minutes, which ends its stream. At most `maxSubscriptions` at once.
 */
export class RunEvents {
  private readonly followed = new Map<number, FollowedRun>();
  private readonly closing = new AbortController();
  /** each subscription's own stop, so that closing needs no listener per subscription */
  private readonly subscriptions = new Set<AbortController>();
  private reserved = 0;

  /** `pollMs`: how often a run of another process is read */
  constructor(
    private readonly pollMs = runPollMs,
    private readonly maxSubscriptions = maxRunSubscriptions,
  ) {}

  /** Ends every follower's stream (the server is shutting down: it must not wait for their runs to end). */
  close(): void {
    this.closing.abort();
    for (const stop of this.subscriptions) stop.abort();
    for (const followed of this.followed.values()) followed.wakeReader();
  }

  /** This process wrote the run's row (started it, counted progress, ended it). */
  readonly publish = (runId: number): void => {
    const followed = this.followed.get(runId);
    if (!followed) return;
    followed.publishedHere = true;
    followed.pending = true;
    followed.wakeReader();
  };

  /**
   * The run each time it changes, first as it is now (`current`), until it ends (SUCCEEDED, FAILED,
   * CANCELLED) or `clientGone` aborts. Throws TooManySubscriptionsError when the server follows as many
   * as it may. Nothing is registered until the first next(): a stream returned before it leaves nothing behind.
   */
  follow(workouts: WorkoutsClient, current: IngestRun, clientGone?: AbortSignal): AsyncIterableIterator<IngestRun> {
    if (this.reserved >= this.maxSubscriptions) throw new TooManySubscriptionsError(this.maxSubscriptions);
    this.reserved++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.reserved--;
    };
    const stop = new AbortController();
    const events = this;

    async function* updates(): AsyncGenerator<IngestRun> {
      const onGone = () => stop.abort();
      clientGone?.addEventListener("abort", onGone, { once: true });
      events.subscriptions.add(stop);
      if (clientGone?.aborted || events.closing.signal.aborted) stop.abort();
      const followed = events.join(workouts, current);
      try {
        // the shared reader's state may be newer than `current` (or older: then it is skipped)
        let seen = followed.changes - 1;
        let shown: IngestRun | undefined;
        let run: IngestRun | null = current;
        while (run && !stop.signal.aborted) {
          if (!shown || (shownState(run) !== shownState(shown) && !olderThan(run, shown))) {
            shown = run;
            yield run;
          }
          if (ended.has(shown.status)) return;
          if (followed.changes === seen) {
            if (followed.stopped) return;
            await untilAborted(followed.nextChange, stop.signal);
          }
          if (followed.error !== undefined) throw followed.error;
          seen = followed.changes;
          run = followed.run;
        }
      } finally {
        events.leave(current.id, followed);
        release();
        clientGone?.removeEventListener("abort", onGone);
        events.subscriptions.delete(stop);
      }
    }
    const iterator = updates();
    // a generator waiting for a change would only see return() after that change: stopping wakes it
    return {
      next: () => iterator.next(),
      return: (value?: unknown) => {
        stop.abort();
        release(); // a generator not started yet runs no finally
        return iterator.return(value as undefined);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** The run's reader, started for its first subscriber. */
  private join(workouts: WorkoutsClient, current: IngestRun): FollowedRun {
    let followed = this.followed.get(current.id);
    if (!followed) {
      let announce = () => {};
      const nextChange = new Promise<void>((resolve) => {
        announce = resolve;
      });
      followed = {
        run: current,
        changes: 0,
        subscribers: 1,
        stopped: false,
        publishedHere: false,
        // read at once: the run may have changed since `current` was read, before anyone was told to wake this reader
        pending: true,
        wakeReader: () => {},
        announce,
        nextChange,
      };
      this.followed.set(current.id, followed);
      void this.read(workouts, current.id, followed);
      return followed;
    }
    followed.subscribers++;
    return followed;
  }

  private leave(runId: number, followed: FollowedRun) {
    followed.subscribers--;
    if (followed.subscribers === 0) {
      if (this.followed.get(runId) === followed) this.followed.delete(runId);
      followed.wakeReader();
    }
  }

  private async read(workouts: WorkoutsClient, runId: number, followed: FollowedRun) {
    const changed = () => {
      const { announce } = followed;
      followed.changes++;
      followed.nextChange = new Promise((resolve) => {
        followed.announce = resolve;
      });
      announce();
    };
    try {
      while (followed.subscribers > 0 && !this.closing.signal.aborted) {
        await this.nextRead(followed);
        if (followed.subscribers === 0 || this.closing.signal.aborted) return;
        followed.pending = false;
        let run = await workouts.ingestRun.findUnique({ where: { id: runId } });
        if (run && !ended.has(run.status) && Date.now() - (run.heartbeatAt ?? run.createdAt).getTime() >= staleAfterMs) {
          // its process is gone: marked FAILED as the stage's next run would mark it
          await activeRun({ workouts, logger: silentLogger, runTiming: { staleAfterMs } }, run.stage);
          run = await workouts.ingestRun.findUnique({ where: { id: runId } });
        }
        const before = followed.run;
        followed.run = run;
        if (!run || !before || shownState(run) !== shownState(before)) changed();
        if (!run || ended.has(run.status)) return;
      }
    } catch (error) {
      followed.error = error;
      changed();
    } finally {
      followed.stopped = true;
      if (this.followed.get(runId) === followed) this.followed.delete(runId);
      followed.announce();
    }
  }

  /** Until something may have changed: told by `publish`, or `pollMs` later for a run this process does not write. */
  private nextRead(followed: FollowedRun) {
    return new Promise<void>((resolve) => {
      if (followed.pending) return resolve();
      const timer = followed.publishedHere ? undefined : setTimeout(done, this.pollMs);
      function done() {
        clearTimeout(timer);
        followed.wakeReader = () => {};
        resolve();
      }
      followed.wakeReader = done;
    });
  }
}

/** Resolves with `promise`, or as soon as `signal` aborts. */
function untilAborted(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done, { once: true });
    void promise.then(done);
  });
}
