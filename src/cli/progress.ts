import { formatDuration } from "../duration";
import type { Progress } from "../ingest/deps";

export interface ProgressDisplay {
  update(progress: Progress): void;
  /** a line for the user (e.g. "stopping…") that does not garble the bar */
  note(message: string): void;
  /** shows the last state; nothing is written after */
  stop(): void;
}

export interface ProgressOptions {
  /** the command, heading each plain line: "sync" */
  name: string;
  /** what Progress.done counts: "pages" or "classes" */
  unit: string;
  /** the run's counts in a few words: "150 seen, 150 new" */
  counts(progress: Progress): string;
  stream?: NodeJS.WriteStream;
  /** how often a plain line is written when the stream is not a terminal */
  intervalMs?: number;
}

/** A progress bar on a terminal; elsewhere (a file, a CI log) a plain line every few seconds and one at the end. */
export function createProgressDisplay(options: ProgressOptions): ProgressDisplay {
  const stream = options.stream ?? process.stderr;
  return stream.isTTY ? progressBar(stream, options) : progressLines(stream, options);
}

// Drawn by hand, on one line, without saving and restoring the cursor: a bar that restores it (cli-progress)
// jumps back above the log lines written below it, and what follows overwrites the bar.
function progressBar(stream: NodeJS.WriteStream, { name, unit, counts }: ProgressOptions): ProgressDisplay {
  const measure = pace();
  let bar: string | undefined;
  let label: string | undefined;
  const draw = () => bar && stream.write(`\r\x1b[K${bar.slice(0, Math.max(0, (stream.columns ?? Infinity) - 1))}`);
  const finish = () => bar && stream.write(`\r\x1b[K${bar}\n`);
  // a log line written meanwhile leaves the cursor at the start of a line of its own: the bar comes back there
  const timer = setInterval(draw, 1000);
  timer.unref();
  return {
    update(progress) {
      const { rate, etaMs } = measure(progress);
      if (progress.label !== label) finish(); // a new category: a bar of its own, below the last one's
      label = progress.label;
      const total = progress.total ?? progress.done;
      const filled = total > 0 ? Math.round((BAR_WIDTH * Math.min(progress.done, total)) / total) : 0;
      const speed = rate === null ? "…" : formatRate(rate, unit);
      const left = etaMs === null ? "…" : formatDuration(etaMs);
      bar = `${name}${label ? ` ${label}` : ""} [${"=".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${progress.done}/${total} ${unit} | ${counts(progress)} | ${speed} | ETA ${left}`;
      draw();
    },
    note(message) {
      stream.write(`\r\x1b[K${message}\n`);
      draw();
    },
    stop() {
      clearInterval(timer);
      finish();
      bar = undefined;
    },
  };
}

const BAR_WIDTH = 25;

function progressLines(stream: NodeJS.WriteStream, { name, unit, counts, intervalMs = 5000 }: ProgressOptions): ProgressDisplay {
  const measure = pace();
  let latest: string | undefined;
  let written: string | undefined;
  const write = () => {
    if (latest !== written) stream.write(`${latest}\n`);
    written = latest;
  };
  const timer = setInterval(write, intervalMs);
  timer.unref();
  return {
    update(progress) {
      const { rate, etaMs } = measure(progress);
      const of = progress.total === null ? "" : `/${progress.total}`;
      const percent = progress.total ? ` (${Math.floor((100 * progress.done) / progress.total)}%)` : "";
      const speed = rate === null ? "" : `; ${formatRate(rate, unit)}`;
      const eta = etaMs ? `, about ${formatDuration(etaMs)} left` : "";
      latest = `[${name}] ${progress.label ? `${progress.label}: ` : ""}${progress.done}${of} ${unit}${percent}, ${counts(progress)}${speed}${eta}`;
    },
    note(message) {
      stream.write(`${message}\n`);
    },
    stop() {
      clearInterval(timer);
      if (latest) write();
    },
  };
}

/**
 * Steps per second, counted from the first step reported for the current label (category): the time
 * before it went to opening the databases and logging in, which says nothing about what is left.
 */
function pace() {
  let first: { label?: string; done: number; at: number } | undefined;
  return (progress: Progress): { rate: number | null; etaMs: number | null } => {
    const now = Date.now();
    if (!first || first.label !== progress.label) first = { label: progress.label, done: progress.done, at: now };
    const rate = now > first.at ? (1000 * (progress.done - first.done)) / (now - first.at) : null;
    const left = progress.total === null ? null : Math.max(0, progress.total - progress.done);
    return { rate, etaMs: left === 0 ? 0 : left && rate ? (1000 * left) / rate : null };
  };
}

const formatRate = (perSecond: number, unit: string) =>
  perSecond >= 1 || perSecond === 0 ? `${perSecond.toFixed(1)} ${unit}/s` : `${(perSecond * 60).toFixed(1)} ${unit}/min`;
