// npm run bench: seeds the benchmark catalogue, loads the API with the query mix beside a raw-SQL
// baseline and PostGraphile, runs the ingestion benchmark, and prints the numbers next to the issue's
// targets. Nothing here fails on a missed target: the numbers are for people to read and compare
// (sides that answer differently do fail the run).
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { withDatabases } from "../harness/databases";
import { parseOptions, readCommandLine, UsageError, wholeNumber } from "../src/cli/args";
import type { DatabaseConfig } from "../src/config";
import { type Backend, type BenchTargetOptions, benchDatabaseConfig, defaultTargetOptions, postgresVersion, recreateBenchDatabases } from "./databases";
import { benchQueries, defaultLoad, type LoadOptions, type QueryBenchResult } from "./queries";
import { benchResponseCache, type CacheBenchResult, defaultCacheBench } from "./response-cache";
import { defaultScale, printSeedReport, type SeedReport, scaleFor, seedCatalogue } from "./seed";

/**
 * The issue's targets, at the default scale on PostgreSQL: each item's median over the raw twin's at
 * most PostGraphile's and at most `medianRatio`; the API's CPU per request at most `cpuOverRaw` times
 * the raw twin's; song search's p99; the API's RSS after the run.
 */
export const targets = { medianRatio: 1.5, cpuOverRaw: 2.5, searchP99Ms: 50, apiRssMiB: 250 } as const;

interface RunOptions {
  classes: number;
  backends: Backend[];
  seed: boolean;
  ingest: boolean;
  quick: boolean;
  load: LoadOptions;
  target: BenchTargetOptions;
}

const usage = `npm run bench -- [options]
Seeds the benchmark databases, runs the query mix against the API and a raw-SQL baseline, then the
ingestion benchmark; prints the numbers beside the targets and writes bench/results/<date>.json.

  --classes N         catalogue size (default ${defaultScale.classes.toLocaleString("en-US")} classes, with songs, artists and instructors in proportion)
  --backend B         postgres (default), embedded, or both
  --seconds N         measured seconds per mix item, for its slowest side; at least one whole pass over its parameter sets (default ${defaultLoad.seconds})
  --warmup N          warm-up seconds before each measurement (default ${defaultLoad.warmupSeconds})
  --connections N     concurrent clients (default ${defaultLoad.connections})
  --no-seed           measure the databases a previous run seeded, as they are
  --skip-ingest       leave out the ingestion benchmark
  --quick             the ingestion benchmark's quick variant
  --postgres-url URL  the server for peloton_bench_workouts / peloton_bench_detailed (default ${defaultTargetOptions.postgresUrl})
  --data-dir DIR      the embedded databases' directory (default ./data-bench)
`;

function parseCommandLine(): RunOptions | undefined {
  return readCommandLine(usage, () => {
    const values = parseOptions(process.argv.slice(2), {
      classes: { type: "string", default: String(defaultScale.classes) },
      backend: { type: "string", default: "postgres" },
      seconds: { type: "string", default: String(defaultLoad.seconds) },
      warmup: { type: "string", default: String(defaultLoad.warmupSeconds) },
      connections: { type: "string", default: String(defaultLoad.connections) },
      "no-seed": { type: "boolean", default: false },
      "skip-ingest": { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      "postgres-url": { type: "string", default: defaultTargetOptions.postgresUrl },
      "data-dir": { type: "string", default: defaultTargetOptions.dataDir },
      help: { type: "boolean" },
    });
    if (values.help) return "help";
    const backends: Record<string, Backend[]> = { postgres: ["postgres"], embedded: ["embedded"], both: ["postgres", "embedded"] };
    const chosen = backends[values.backend];
    if (!chosen) throw new UsageError(`--backend must be postgres, embedded or both, got "${values.backend}"`);
    return {
      classes: wholeNumber("classes", values.classes, 100),
      backends: chosen,
      seed: !values["no-seed"],
      ingest: !values["skip-ingest"],
      quick: values.quick,
      load: {
        seconds: wholeNumber("seconds", values.seconds, 1),
        warmupSeconds: wholeNumber("warmup", values.warmup, 0),
        connections: wholeNumber("connections", values.connections, 1),
      },
      target: { postgresUrl: values["postgres-url"], dataDir: path.resolve(values["data-dir"]) },
    };
  });
}

const out = (text = "") => process.stdout.write(`${text}\n`);
const gib = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10;

async function machine(options: RunOptions) {
  const pglite = JSON.parse(await readFile(path.join(__dirname, "../node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string };
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    ramGiB: gib(os.totalmem()),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: options.backends.includes("postgres") ? await postgresVersion(options.target.postgresUrl) : undefined,
    pglite: pglite.version,
    /** other work on the machine skews the numbers: the 1-minute load average when the run started */
    loadAverageAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

/** The catalogue a run without --no-seed left, counted. */
const existingCatalogue = (database: DatabaseConfig) => withDatabases(database, (databases) => databases.detailed.detailedWorkout.count());

type IngestionBench = (options?: { quick?: boolean }) => Promise<Record<string, unknown>>;

/** bench/ingest.ts's benchmark, if that file is there. */
async function ingestionBench(): Promise<IngestionBench | undefined> {
  if (!existsSync(path.join(__dirname, "ingest.ts"))) return undefined;
  const modulePath = "./ingest";
  return ((await import(modulePath)) as { benchIngestion?: IngestionBench }).benchIngestion;
}

interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** The issue's targets, checked against a PostgreSQL run. */
function checkTargets(result: QueryBenchResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const item of result.items) {
    const peer = item.peerMedianRatio;
    checks.push({
      target: `${item.name}: API / raw SQL at the median ≤ PostGraphile's (${peer?.toFixed(2) ?? "not measured"}) and ≤ ${targets.medianRatio.toFixed(1)}`,
      measured: item.medianRatio.toFixed(2),
      met: peer !== null && item.medianRatio <= peer && item.medianRatio <= targets.medianRatio,
    });
  }
  for (const { name, graphql, raw } of result.items) {
    const [api, twin] = [graphql.serverCpuMsPerRequest, raw.serverCpuMsPerRequest];
    checks.push({
      target: `${name}: API CPU per request ≤ ${targets.cpuOverRaw} × the raw twin's`,
      measured: api === null || twin === null ? "n/a" : `${api.toFixed(2)} / ${twin.toFixed(2)} ms = ${(api / twin).toFixed(1)}×`,
      met: api !== null && twin !== null && api <= targets.cpuOverRaw * twin,
    });
  }
  for (const item of result.items.filter((item) => item.key.startsWith("search"))) {
    checks.push({
      target: `${item.name}: API p99 < ${targets.searchP99Ms} ms with ${result.load.connections} clients`,
      measured: `${item.graphql.p99Ms.toFixed(1)} ms`,
      met: item.graphql.p99Ms < targets.searchP99Ms,
    });
  }
  const rss = result.apiMemory?.rssMiB;
  checks.push({
    target: `API server RSS after the run ≤ ${targets.apiRssMiB} MiB`,
    measured: rss === undefined ? "n/a" : `${rss} MiB`,
    met: rss !== undefined && rss <= targets.apiRssMiB,
  });
  const failures = result.items.reduce((sum, item) => sum + item.graphql.failures + item.raw.failures + (item.peer?.failures ?? 0), 0);
  checks.push({ target: "no failed requests on any side (non-2xx, GraphQL errors, timeouts)", measured: String(failures), met: failures === 0 });
  return checks;
}

const pad = (text: string, width: number) => text.padEnd(width);
const padLeft = (text: string, width: number) => text.padStart(width);

function printQueryTable(result: QueryBenchResult) {
  const peer = result.items.some((item) => item.peer);
  out(
    `\nQuery mix on ${result.backend}, ${result.load.connections} clients, ${result.load.seconds} s per item for its slowest side (API | raw SQL${peer ? " | PostGraphile" : ""}; ratio: median over raw SQL's):`,
  );
  const width = peer ? 23 : 17;
  // PostgreSQL's CPU per request, where the server runs on this machine (bench/servers.ts, postgresCpu)
  const database = result.items.some((item) => item.graphql.databaseCpuMsPerRequest !== null);
  out(
    `  ${pad("", 40)} ${padLeft("median ms", width)} ${padLeft("p99 ms", width)} ${padLeft("req/s", width)} ${padLeft("CPU ms/req", width)}` +
      `${database ? ` ${padLeft("PostgreSQL CPU", width)}` : ""} ${padLeft("ratio", peer ? 13 : 6)}`,
  );
  for (const { name, graphql, raw, peer: postgraphile, medianRatio, peerMedianRatio } of result.items) {
    const sides = [graphql, raw, ...(postgraphile ? [postgraphile] : [])];
    const row = (value: (side: typeof graphql) => number | null, digits: number) =>
      padLeft(sides.map((side) => value(side)?.toFixed(digits) ?? "-").join(" | "), width);
    const ratios = [medianRatio, ...(peerMedianRatio === null ? [] : [peerMedianRatio])].map((ratio) => ratio.toFixed(2)).join(" | ");
    out(
      `  ${pad(name, 40)} ${row((side) => side.medianMs, 1)} ${row((side) => side.p99Ms, 1)} ${row((side) => side.requestsPerSecond, 0)}` +
        ` ${row((side) => side.serverCpuMsPerRequest, 2)}${database ? ` ${row((side) => side.databaseCpuMsPerRequest, 2)}` : ""} ${padLeft(ratios, peer ? 13 : 6)}`,
    );
  }
  const memory = (m: QueryBenchResult["apiMemory"]) => (m ? `${m.rssMiB} MiB (peak ${m.peakRssMiB} MiB)` : "n/a");
  out(
    `  RSS: API ${memory(result.apiMemoryBefore)} before the load, ${memory(result.apiMemory)} after; raw-SQL server after: ${memory(result.rawMemory)}` +
      (result.peer ? `; PostGraphile after: ${memory(result.peerMemory)}` : ""),
  );
  out(`  Every side answered each of the ${result.comparedAnswers.toLocaleString("en-US")} parameter sets as the API did.`);
}

/**
 * bench/results/<date>.json for a run at the default scale that includes PostgreSQL; other runs get a
 * suffix, so as not to replace it, and a later run of the same day -2, -3…: a run never overwrites another.
 */
function resultsFile(options: RunOptions, date: string): string {
  const standard = options.classes === defaultScale.classes && options.backends.includes("postgres");
  const name = `${date}${standard ? "" : `-${options.backends.join("+")}-${options.classes}`}`;
  for (let run = 1; ; run++) {
    const file = path.join(__dirname, "results", `${name}${run === 1 ? "" : `-${run}`}.json`);
    if (!existsSync(file)) return file;
  }
}

async function main() {
  const options = parseCommandLine();
  if (!options) return;
  const started = Date.now();
  const machineInfo = await machine(options);
  out(
    `${machineInfo.cpu}, ${machineInfo.cores} cores, ${machineInfo.ramGiB} GiB; Node ${machineInfo.node}; PostgreSQL ${machineInfo.postgres ?? "-"}; PGlite ${machineInfo.pglite}; load average ${machineInfo.loadAverageAtStart}`,
  );
  const scale = options.classes === defaultScale.classes ? defaultScale : scaleFor(options.classes);
  const seeds: SeedReport[] = [];
  const queries: QueryBenchResult[] = [];
  const responseCache: CacheBenchResult[] = [];
  for (const backend of options.backends) {
    let database: DatabaseConfig;
    if (options.seed) {
      out(`\nSeeding ${scale.classes.toLocaleString("en-US")} classes into the ${backend} benchmark databases…`);
      database = await recreateBenchDatabases(backend, options.target);
      const report = await seedCatalogue(database, scale, (line) => out(line));
      printSeedReport(report);
      seeds.push(report);
    } else {
      database = benchDatabaseConfig(backend, options.target);
      out(`\nUsing the ${backend} benchmark databases as they are (${(await existingCatalogue(database)).toLocaleString("en-US")} classes).`);
    }
    out(`\nQuery mix on ${backend}:`);
    const result = await benchQueries(database, options.load, (line) => out(line));
    printQueryTable(result);
    queries.push(result);
    out(
      `\nResponse cache on ${backend}: ${defaultCacheBench.requests.toLocaleString("en-US")} requests of the mix, parameters drawn with a Zipf law (s = ${defaultCacheBench.zipfExponent}), ${defaultCacheBench.connections} clients; cache off, in memory, in Redis:`,
    );
    responseCache.push(await benchResponseCache(database, defaultCacheBench, (line) => out(line)));
  }

  let ingestion: Record<string, unknown> | string;
  const bench = options.ingest ? await ingestionBench() : undefined;
  if (!options.ingest) ingestion = "skipped (--skip-ingest)";
  else if (!bench) ingestion = "skipped: bench/ingest.ts (benchIngestion) is not there";
  else {
    out("\nIngestion:");
    ingestion = await bench({ quick: options.quick });
  }
  if (typeof ingestion === "string") out(`\nIngestion benchmark ${ingestion}.`);

  const postgres = queries.find((result) => result.backend === "postgres");
  const checks = postgres ? checkTargets(postgres) : [];
  if (checks.length > 0) {
    const atDefault = scale.classes === defaultScale.classes;
    out(
      `\nTargets (PostgreSQL${atDefault ? "" : `; they are set for ${defaultScale.classes.toLocaleString("en-US")} classes, this run had ${scale.classes.toLocaleString("en-US")}`}):`,
    );
    const width = Math.max(...checks.map((check) => check.target.length));
    for (const check of checks) out(`  ${check.met ? "✓" : "✗"} ${pad(check.target, width)}  ${check.measured}`);
  }

  const date = new Date().toISOString().slice(0, 10);
  const file = resultsFile(options, date);
  await mkdir(path.dirname(file), { recursive: true });
  const results = {
    date: new Date().toISOString(),
    machine: { ...machineInfo, loadAverageAtEnd: Math.round(os.loadavg()[0]! * 100) / 100 },
    scale,
    targets,
    seed: seeds,
    queries,
    responseCache,
    targetChecks: checks,
    ingestion,
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  out(`\nWrote ${path.relative(process.cwd(), file)} (${results.totalSeconds} s in all).`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
