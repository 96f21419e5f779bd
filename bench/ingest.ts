// npm run bench:ingest: ingestion against the simulator (issue #7). With every delay 0: classes per
// second for each stage, and the share of the time spent waiting on HTTP vs in our own code. With the
// default delays: how close the stages run to the rate limit (wall time / (requests × delay)).
import diagnostics from "node:diagnostics_channel";
import type { ClientRequest, IncomingMessage } from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { type Backend, commandDataDir, emptyDatabases, withDatabases } from "../harness/databases";
import { type SimulatorAddress, simulatorConfig, startSimulatorProcess } from "../harness/simulator";
import { createPelotonAuth, fileSessionStore } from "../src/auth";
import { parseOptions, readCommandLine, UsageError, wholeNumber } from "../src/cli/args";
import { loadConfig, type PelotonConfig } from "../src/config";
import type { Databases } from "../src/db";
import type { IngestDeps } from "../src/ingest/deps";
import { processDetails } from "../src/ingest/process-details";
import type { IngestRun } from "../src/ingest/runs";
import { syncWorkouts } from "../src/ingest/sync-workouts";
import { createLogger } from "../src/log";
import { createPelotonClient } from "../src/peloton/client";

export interface IngestionBenchOptions {
  quick?: boolean;
  backend?: "embedded" | "postgres";
  /** classes in the simulated catalogue (default 2,000; 300 with quick) */
  classes?: number;
}

/** One stage run with every delay 0. Shares are of the wall time; waiting + own = 1, own = busy + idle. */
export interface ThroughputResult {
  stage: "sync" | "details";
  concurrency: number;
  classes: number;
  requests: number;
  wallMs: number;
  classesPerSecond: number;
  /** the main thread idle while at least one request to the simulator was in flight */
  waitingMs: number;
  waitingShare: number;
  /** the rest: our own code (database writes, parsing, bookkeeping) */
  ownMs: number;
  ownShare: number;
  /** of which the main thread was running (our JavaScript, Prisma, and PGlite, which runs on it) */
  ownBusyShare: number;
  /** of which the main thread was idle with no request in flight: waiting on the PostgreSQL server */
  ownIdleShare: number;
  /** one request's mean time as the client saw it; it grows when responses queue behind our busy main thread */
  meanRequestMs: number;
}

/** One stage run with the default delays. */
export interface PacingResult {
  stage: "sync" | "details";
  requests: number;
  /** the configured minimum gap before each of this stage's requests */
  delayMs: number;
  jitterMs: number;
  wallMs: number;
  /** wall / (requests × delay) */
  ratioToDelay: number;
  /** wall / (requests × (delay + mean jitter)): our overhead beyond what the limiter is asked to wait */
  ratioToDelayAndMeanJitter: number;
  /** wall / Σ(delay + the jitter the limiter actually drew) */
  ratioToDrawnSchedule: number;
  /** from the last request's start to the stage's end: that page's or class's own work, and closing the run */
  tailMs: number;
}

const CREDENTIALS = { username: "bench@example.com", password: "bench-password" };

/** Runs the benchmark, prints its tables to stdout, and returns the numbers. */
export async function benchIngestion(options: IngestionBenchOptions = {}): Promise<Record<string, unknown>> {
  const backend = options.backend ?? "embedded";
  const quick = options.quick ?? false;
  const classes = options.classes ?? (quick ? 300 : 2000);
  const pacingPlan = quick ? { pages: 2, details: 5 } : { pages: 3, details: 20 };
  const defaults = loadConfig({}).peloton;
  const loadBefore = os.loadavg()[0]!;
  const sim = await startSimulatorProcess({ classes, ...CREDENTIALS });
  try {
    const noDelays = { requestDelayMs: 0, pageDelayMs: 0, jitterMs: 0 };
    progress(`${backend}: a short unmeasured warm-up (the first queries of a process are slower)`);
    await withScratchDatabases(backend, async (databases, dataDir) => {
      const deps = await benchDeps(databases, clientConfig(defaults, sim, noDelays), dataDir);
      checkSucceeded("warm-up sync", await syncWorkouts(deps, { maxPages: 1 }));
      checkSucceeded("warm-up details", await processDetails(deps, { batchSize: 20 }));
    });
    const throughput: ThroughputResult[] = [];
    for (const concurrency of [1, 4]) {
      progress(`${backend}: sync of ${classes} classes, then details at concurrency ${concurrency}, no delays`);
      await withScratchDatabases(backend, async (databases, dataDir) => {
        const deps = await benchDeps(databases, clientConfig(defaults, sim, noDelays), dataDir);
        throughput.push(await measureThroughput("sync", 1, () => syncWorkouts(deps, { categories: ["all"] })));
        throughput.push(await measureThroughput("details", concurrency, () => processDetails(deps, { batchSize: 0, concurrency })));
      });
    }

    progress(`${backend}: ${pacingPlan.pages} list pages and ${pacingPlan.details} details at the default delays`);
    const pacing: PacingResult[] = [];
    await withScratchDatabases(backend, async (databases, dataDir) => {
      const draws: number[] = [];
      const random = () => {
        const value = Math.random();
        draws.push(value);
        return value;
      };
      const config = clientConfig(defaults, sim, {});
      const deps = await benchDeps(databases, config, dataDir, random);
      const pace = (stage: PacingResult["stage"], delayMs: number, work: () => Promise<IngestRun>) =>
        measurePacing(stage, delayMs, config.jitterMs, draws, work);
      pacing.push(await pace("sync", config.pageDelayMs, () => syncWorkouts(deps, { categories: ["cycling"], maxPages: pacingPlan.pages })));
      await deps.peloton.me(); // so that the first details request waits its gap, as every later one does
      pacing.push(await pace("details", config.requestDelayMs, () => processDetails(deps, { batchSize: pacingPlan.details })));
    });

    const result = {
      backend,
      classes,
      quick,
      cpus: os.cpus().length,
      /** the 1-minute load average before and after: other work on the machine skews the numbers */
      loadAverage: [round(loadBefore, 2), round(os.loadavg()[0]!, 2)],
      simulator: "the bundled simulator in a child process, so that its work does not run on our event loop",
      throughput,
      pacing,
      notes: [
        "waiting: the main thread idle while at least one request was in flight (node:http diagnostics channel + event loop utilization); own code: the rest of the wall time",
        "logins happen before the timed stages; a short unmeasured sync + details warms the process up first",
        "pacing: the limiter waits delay + floor(random() × jitter) between request starts, a mean jitter of (jitter − 1) / 2; the client makes one request before each timed stage so that every timed request waits its gap; the tail (the last request's own work) is paid once per stage",
      ],
    };
    process.stdout.write(formatTables(result));
    return result;
  } finally {
    await sim.stop();
  }
}

/** Runs a stage with every delay 0, watching the HTTP requests it makes. */
async function measureThroughput(stage: ThroughputResult["stage"], concurrency: number, work: () => Promise<IngestRun>): Promise<ThroughputResult> {
  const loopBefore = performance.eventLoopUtilization();
  const { run, probe, wallMs } = await watchedRun(stage, work);
  const loop = performance.eventLoopUtilization(loopBefore);
  const classes = stage === "sync" ? run.seen : run.processed;
  const { waitingMs, requests, requestMs } = probe;
  const share = (ms: number) => round(ms / wallMs, 3);
  return {
    stage,
    concurrency,
    classes,
    requests,
    wallMs: round(wallMs),
    classesPerSecond: round(classes / (wallMs / 1000)),
    waitingMs: round(waitingMs),
    waitingShare: share(waitingMs),
    ownMs: round(wallMs - waitingMs),
    ownShare: share(wallMs - waitingMs),
    ownBusyShare: share(loop.active),
    ownIdleShare: share(Math.max(loop.idle - waitingMs, 0)),
    meanRequestMs: round(requestMs / Math.max(requests, 1), 2),
  };
}

/** Runs a stage with real delays; `draws` collects the client's random() calls, which set the limiter's jitter. */
async function measurePacing(
  stage: PacingResult["stage"],
  delayMs: number,
  jitterMs: number,
  draws: number[],
  work: () => Promise<IngestRun>,
): Promise<PacingResult> {
  const firstDraw = draws.length;
  const { probe, ended, wallMs } = await watchedRun(stage, work);
  const { requests, lastStart } = probe;
  // the limiter adds floor(random() × jitter): a mean of (jitter − 1) / 2
  const meanJitterMs = Math.max(jitterMs - 1, 0) / 2;
  const drawnMs = draws.slice(firstDraw).reduce((sum, value) => sum + delayMs + Math.floor(value * jitterMs), 0);
  return {
    stage,
    requests,
    delayMs,
    jitterMs,
    wallMs: round(wallMs),
    ratioToDelay: round(wallMs / (requests * delayMs), 4),
    ratioToDelayAndMeanJitter: round(wallMs / (requests * (delayMs + meanJitterMs)), 4),
    ratioToDrawnSchedule: round(wallMs / drawnMs, 4),
    tailMs: round(ended - lastStart),
  };
}

interface HttpProbe {
  /** time the main thread sat idle while at least one request was in flight */
  readonly waitingMs: number;
  /** the sum of every request's time as the client saw it, first byte sent to last byte read */
  readonly requestMs: number;
  /** API requests made (logins not counted) */
  readonly requests: number;
  /** performance.now() when the last one started */
  readonly lastStart: number;
  stop(): void;
}

/**
 * Watches every HTTP request this process makes (axios sends them through node:http, which announces
 * each one on a diagnostics channel) from its start to the last byte of its response, and how long the
 * event loop sat idle while any was in flight: time in which we had nothing to do but wait for the
 * simulator. A response that arrives while our code is busy is not waited for, whatever the clock says.
 */
function watchHttp(): HttpProbe {
  const channel = "http.client.request.start";
  let inFlight = 0;
  let since = performance.eventLoopUtilization();
  let waitingMs = 0;
  let requestMs = 0;
  let requests = 0;
  let lastStart = 0;
  const onStart = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    const started = performance.now();
    if (inFlight++ === 0) since = performance.eventLoopUtilization();
    if (request.path.startsWith("/api/")) {
      requests++;
      lastStart = started;
    }
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      requestMs += performance.now() - started;
      if (--inFlight === 0) waitingMs += performance.eventLoopUtilization(since).idle;
    };
    request.once("response", (response: IncomingMessage) => response.once("end", finish));
    request.once("error", finish);
    request.once("close", finish);
  };
  diagnostics.subscribe(channel, onStart);
  return {
    get waitingMs() {
      return waitingMs + (inFlight > 0 ? performance.eventLoopUtilization(since).idle : 0);
    },
    get requestMs() {
      return requestMs;
    },
    get requests() {
      return requests;
    },
    get lastStart() {
      return lastStart;
    },
    stop: () => diagnostics.unsubscribe(channel, onStart),
  };
}

/** Runs a stage while watching the HTTP requests it makes; the run must succeed. */
async function watchedRun(stage: string, work: () => Promise<IngestRun>) {
  const probe = watchHttp();
  const started = performance.now();
  let run: IngestRun;
  try {
    run = await work();
  } finally {
    probe.stop();
  }
  const ended = performance.now();
  checkSucceeded(stage, run);
  return { run, probe, ended, wallMs: ended - started };
}

function checkSucceeded(stage: string, run: IngestRun) {
  if (run.status !== "SUCCEEDED" || run.failed > 0) {
    throw new Error(`the ${stage} run ended ${run.status} with ${run.failed} failed classes${run.error ? `: ${run.error}` : ""}`);
  }
}

/** The simulator's client with the default delays but those given, and the default timeouts and retries. */
function clientConfig(
  defaults: PelotonConfig,
  sim: SimulatorAddress,
  delays: Partial<Pick<PelotonConfig, "requestDelayMs" | "pageDelayMs" | "jitterMs">>,
): PelotonConfig {
  const { requestDelayMs, pageDelayMs, jitterMs, timeoutMs, maxRetries, retryBaseMs } = defaults;
  return simulatorConfig(sim, { requestDelayMs, pageDelayMs, jitterMs, timeoutMs, maxRetries, retryBaseMs, ...delays });
}

/** The stages' dependencies, with a client that has logged in already: the login is not what we measure. */
async function benchDeps(databases: Databases, config: PelotonConfig, dataDir: string, random?: () => number): Promise<IngestDeps> {
  const logger = createLogger("warn");
  const auth = createPelotonAuth(config, fileSessionStore(dataDir), logger);
  const peloton = createPelotonClient({ config, auth, logger, random });
  await peloton.me();
  return { workouts: databases.workouts, detailed: databases.detailed, peloton, logger };
}

/** Fresh, migrated databases (a temporary DATA_DIR, or two throwaway PostgreSQL databases), deleted afterwards. */
async function withScratchDatabases(backend: Backend, fn: (databases: Databases, dataDir: string) => Promise<void>): Promise<void> {
  const { config, remove } = await emptyDatabases(backend);
  try {
    const { dataDir, remove: removeDataDir } = await commandDataDir(config);
    try {
      await withDatabases(config, (databases) => fn(databases, dataDir));
    } finally {
      await removeDataDir();
    }
  } finally {
    await remove();
  }
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const progress = (line: string) => process.stderr.write(`bench:ingest  ${line}\n`);

interface Tables {
  backend: string;
  classes: number;
  cpus: number;
  loadAverage: number[];
  throughput: ThroughputResult[];
  pacing: PacingResult[];
}

function formatTables({ backend, classes, cpus, loadAverage, throughput, pacing }: Tables): string {
  const table = (header: string[], rows: (string | number)[][]) => {
    const cells = [header, ...rows.map((row) => row.map(String))];
    const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
    return cells.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")).join("\n");
  };
  return [
    `\nIngestion against the simulator, ${backend} databases, ${classes} classes, every delay 0 (${cpus} CPUs, load average ${loadAverage.join(" → ")})`,
    table(
      ["stage", "concurrency", "classes", "requests", "wall s", "classes/s", "waiting on HTTP", "own code", "own: main thread", "own: idle (db)", "ms/request"],
      throughput.map((t) => [
        t.stage,
        t.concurrency,
        t.classes,
        t.requests,
        (t.wallMs / 1000).toFixed(2),
        t.classesPerSecond,
        percent(t.waitingShare),
        percent(t.ownShare),
        percent(t.ownBusyShare),
        percent(t.ownIdleShare),
        t.meanRequestMs,
      ]),
    ),
    `\nPacing at the default delays (jitter up to ${pacing[0]?.jitterMs ?? 0} ms per gap); target: wall / (requests × delay) ≤ 1.05`,
    table(
      ["stage", "requests", "delay ms", "wall s", "÷ delay", "÷ (delay + mean jitter)", "÷ drawn schedule", "tail ms"],
      pacing.map((p) => [
        p.stage,
        p.requests,
        p.delayMs,
        (p.wallMs / 1000).toFixed(2),
        p.ratioToDelay.toFixed(3),
        p.ratioToDelayAndMeanJitter.toFixed(3),
        p.ratioToDrawnSchedule.toFixed(3),
        p.tailMs,
      ]),
    ),
    "",
  ].join("\n");
}

const usage = `Usage: npm run bench:ingest -- [options]

Starts the bundled Peloton simulator and runs both ingestion stages against it into fresh databases:
with every delay 0, the sync (all categories) then the details at concurrency 1 and 4, reporting classes
per second and the share of time waiting on HTTP vs in our own code; then a short run at the default
delays, reporting wall time / (requests × delay). Prints tables, then the numbers as JSON.

Options:
  --classes N                  classes in the simulated catalogue (default 2000; 300 with --quick)
  --backend embedded|postgres  embedded: a temporary DATA_DIR; postgres: throwaway databases on the server
                               at TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres)
  --quick                      a smaller run (the pacing part: 2 list pages and 5 details instead of 3 and 20)
  -h, --help                   show this help
`;

if (require.main === module) {
  const options = readCommandLine(usage, () => {
    const values = parseOptions(process.argv.slice(2), {
      classes: { type: "string" },
      backend: { type: "string" },
      quick: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) return "help";
    const backend = values.backend ?? "embedded";
    if (backend !== "embedded" && backend !== "postgres") throw new UsageError(`--backend must be embedded or postgres, got "${backend}"`);
    return {
      backend,
      quick: values.quick ?? false,
      classes: values.classes === undefined ? undefined : wholeNumber("classes", values.classes, 1),
    } satisfies IngestionBenchOptions;
  });
  if (options) {
    benchIngestion(options).then(
      (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
      (error: unknown) => {
        process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
