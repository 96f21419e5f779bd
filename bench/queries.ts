// The query benchmark: the mix (bench/mix.ts) over HTTP with autocannon, against the real GraphQL
// API and against the raw-SQL baseline answering the same JSON. Run it alone on already seeded
// databases with `npx tsx bench/queries.ts`, or as part of `npm run bench`.
import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import type { MemoryUse } from "../harness/memory";
import { parseOptions, readCommandLine, wholeNumber } from "../src/cli/args";
import type { DatabaseConfig } from "../src/config";
import { openEmbeddedInstances } from "../src/db";
import { type Backend, benchDatabaseConfig, defaultTargetOptions, parseBackend } from "./databases";
import { buildMix, type MixItem } from "./mix";
import type { Query } from "./raw-server";
import { type ServerProcess, startApiServer, startRawServer } from "./servers";

export interface LoadOptions {
  /** concurrent clients (keep-alive connections) */
  connections: number;
  /** measured seconds per mix item and side */
  seconds: number;
  /** unmeasured seconds of the same load before each measurement */
  warmupSeconds: number;
}

export const defaultLoad: LoadOptions = { connections: 20, seconds: 10, warmupSeconds: 2 };

export interface Measurement {
  /** successful responses (200, no GraphQL errors) in the measured seconds */
  requests: number;
  /** non-2xx answers, answers with errors, timeouts and socket errors */
  failures: number;
  requestsPerSecond: number;
  medianMs: number;
  p99Ms: number;
  /** the server process's CPU time (user + system) per successful request: its own cost, whatever else runs on the machine */
  serverCpuMsPerRequest: number | null;
}

export interface ItemResult {
  key: string;
  name: string;
  graphql: Measurement;
  raw: Measurement;
  /** GraphQL's median latency over the raw baseline's */
  medianRatio: number;
}

export interface QueryBenchResult {
  backend: Backend;
  load: LoadOptions;
  /** how the raw baseline ran beside the API */
  baseline: string;
  items: ItemResult[];
  /** the API server process once it has answered each query a few times, before the load */
  apiMemoryBefore: MemoryUse | null;
  /** the API server process after the whole mix (Linux only) */
  apiMemory: MemoryUse | null;
  rawMemory: MemoryUse | null;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

interface Target {
  path: string;
  /** the JSON body of the i-th request */
  body(i: number): string;
}

const graphqlTarget = (item: MixItem): Target => ({
  path: "/graphql",
  body: (i) => JSON.stringify({ query: item.query, variables: item.variables[i % item.variables.length] }),
});

const rawTarget = (item: MixItem): Target => ({
  path: `/${item.route}`,
  body: (i) => JSON.stringify(item.variables[i % item.variables.length]),
});

const failed = (status: number, body: string) => status !== 200 || body.includes('"errors":[');

/** What one stretch of load gave: each successful response's latency, and the failures. */
interface Sample {
  latencies: number[];
  failures: number;
  seconds: number;
  /** the server's CPU time over the stretch, in ms (null where /proc cannot tell) */
  cpuMs: number | null;
}

/** `connections` clients posting the target's bodies in turn for `seconds`; latency measured per response (autocannon's own histogram keeps whole milliseconds). */
async function load(server: ServerProcess, target: Target, connections: number, seconds: number): Promise<Sample> {
  let next = 0;
  let failures = 0;
  let lastFailed = false;
  const latencies: number[] = [];
  const cpuBefore = server.cpuMs();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.origin,
        connections,
        duration: seconds,
        requests: [
          {
            method: "POST",
            path: target.path,
            headers: { "content-type": "application/json" },
            setupRequest: (request) => ({ ...request, body: target.body(next++) }),
            // called with each response's body just before the "response" event below
            onResponse: (status, body) => {
              lastFailed = failed(status, body);
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
      if (lastFailed) failures++;
      else latencies.push(ms);
    });
  });
  const cpuAfter = server.cpuMs();
  return {
    latencies,
    failures: failures + result.errors,
    seconds: result.duration,
    cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
  };
}

/** The samples of one side, as one measurement. */
function summarize(samples: Sample[]): Measurement {
  const latencies = samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0);
  const cpuMs = samples.some((sample) => sample.cpuMs === null) ? null : samples.reduce((sum, sample) => sum + sample.cpuMs!, 0);
  return {
    requests: latencies.length,
    failures: samples.reduce((sum, sample) => sum + sample.failures, 0),
    requestsPerSecond: round(latencies.length / seconds, 1),
    medianMs: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    serverCpuMsPerRequest: cpuMs === null || latencies.length === 0 ? null : round(cpuMs / latencies.length, 3),
  };
}

async function post(origin: string, target: Target, i: number): Promise<unknown> {
  const response = await fetch(origin + target.path, { method: "POST", headers: { "content-type": "application/json" }, body: target.body(i) });
  const text = await response.text();
  if (failed(response.status, text)) throw new Error(`${origin}${target.path} answered ${response.status}: ${text.slice(0, 500)} (request ${target.body(i)})`);
  return (JSON.parse(text) as { data: unknown }).data;
}

const CHECKED = 40;

/** The answers to each item's first parameter sets, to compare one side with the other. */
async function answers(origin: string, items: MixItem[], side: (item: MixItem) => Target): Promise<unknown[][]> {
  const all: unknown[][] = [];
  for (const item of items) {
    const answers: unknown[] = [];
    for (let i = 0; i < Math.min(CHECKED, item.variables.length); i++) answers.push(await post(origin, side(item), i));
    all.push(answers);
  }
  return all;
}

function requireSameAnswers(items: MixItem[], graphql: unknown[][], raw: unknown[][]) {
  for (const [index, item] of items.entries()) {
    for (const [i, answer] of graphql[index]!.entries()) {
      if (!isDeepStrictEqual(answer, raw[index]![i])) {
        throw new Error(
          `The raw-SQL baseline answers "${item.name}" differently from the API (variables ${JSON.stringify(item.variables[i])}):\n` +
            `API: ${JSON.stringify(answer).slice(0, 1500)}\nraw: ${JSON.stringify(raw[index]![i]).slice(0, 1500)}`,
        );
      }
    }
  }
}

async function measure(server: ServerProcess, target: Target, options: LoadOptions): Promise<Measurement> {
  if (options.warmupSeconds > 0) await load(server, target, options.connections, options.warmupSeconds);
  return summarize([await load(server, target, options.connections, options.seconds)]);
}

/**
 * Both sides of an item, in alternating slices of the measured seconds: a virtual machine's speed
 * drifts from one minute to the next (by up to half, on the machine of bench/README.md), and sides
 * measured in turn, slice by slice, see the same machine.
 */
async function measureBoth(sides: [ServerProcess, Target][], options: LoadOptions): Promise<Measurement[]> {
  for (const [server, target] of sides) if (options.warmupSeconds > 0) await load(server, target, options.connections, options.warmupSeconds);
  const slices = Math.max(1, Math.min(SLICES, Math.floor(options.seconds)));
  const samples: Sample[][] = sides.map(() => []);
  for (let slice = 0; slice < slices; slice++) {
    for (const [index, [server, target]] of sides.entries()) samples[index]!.push(await load(server, target, options.connections, options.seconds / slices));
  }
  return samples.map(summarize);
}

/** How many turns each side takes in the measured seconds of an item. */
const SLICES = 5;

/** The mix's parameters, read straight from the detailed database before any server holds it. */
async function readMix(database: DatabaseConfig): Promise<MixItem[]> {
  if (database.kind === "postgres") {
    const client = new pg.Client({ connectionString: database.detailedUrl });
    await client.connect();
    try {
      return await buildMix(async (text, params) => (await client.query(text, params)).rows);
    } finally {
      await client.end();
    }
  }
  const embedded = await openEmbeddedInstances(database.dataDir);
  try {
    const query: Query = async <Row>(text: string, params: unknown[]) => (await embedded.detailed.query<Row>(text, params)).rows;
    return await buildMix(query);
  } finally {
    await embedded.close();
  }
}

/**
 * Loads the API and the raw baseline with each item of the mix in turn, after checking that both
 * answer the same data. On PostgreSQL both servers run at once and the sides take turns within each
 * item (measureBoth); PGlite allows one process per data directory, so on the embedded databases the API runs
 * the whole mix first, then the baseline (its own process, PGlite without Prisma or GraphQL).
 */
export async function benchQueries(database: DatabaseConfig, options: LoadOptions, log: (line: string) => void = () => undefined): Promise<QueryBenchResult> {
  const items = await readMix(database);
  const results = new Map<string, Partial<ItemResult>>(items.map((item) => [item.key, { key: item.key, name: item.name }]));
  const note = (item: MixItem, side: "graphql" | "raw", measurement: Measurement) => {
    results.get(item.key)![side] = measurement;
    const cpu = measurement.serverCpuMsPerRequest === null ? "" : `  server CPU ${measurement.serverCpuMsPerRequest.toFixed(2)} ms/req`;
    log(
      `  ${item.name.padEnd(42)} ${side.padEnd(7)} median ${measurement.medianMs.toFixed(2).padStart(7)} ms  p99 ${measurement.p99Ms.toFixed(2).padStart(7)} ms  ${measurement.requestsPerSecond.toFixed(0).padStart(6)} req/s${cpu}${measurement.failures ? `  ${measurement.failures} FAILED` : ""}`,
    );
  };
  let apiMemoryBefore: MemoryUse | null;
  let apiMemory: MemoryUse | null;
  let rawMemory: MemoryUse | null;
  if (database.kind === "postgres") {
    const [api, raw] = await Promise.all([startApiServer(database), startRawServer(database)]);
    try {
      requireSameAnswers(items, await answers(api.origin, items, graphqlTarget), await answers(raw.origin, items, rawTarget));
      apiMemoryBefore = api.memory();
      for (const item of items) {
        const [graphql, baseline] = await measureBoth(
          [
            [api, graphqlTarget(item)],
            [raw, rawTarget(item)],
          ],
          options,
        );
        note(item, "graphql", graphql!);
        note(item, "raw", baseline!);
      }
      [apiMemory, rawMemory] = [api.memory(), raw.memory()];
    } finally {
      await Promise.all([api.stop(), raw.stop()]);
    }
  } else {
    let expected: unknown[][];
    const api = await startApiServer(database);
    try {
      expected = await answers(api.origin, items, graphqlTarget);
      apiMemoryBefore = api.memory();
      for (const item of items) note(item, "graphql", await measure(api, graphqlTarget(item), options));
      apiMemory = api.memory();
    } finally {
      await api.stop();
    }
    const raw = await startRawServer(database);
    try {
      requireSameAnswers(items, expected, await answers(raw.origin, items, rawTarget));
      for (const item of items) note(item, "raw", await measure(raw, rawTarget(item), options));
      rawMemory = raw.memory();
    } finally {
      await raw.stop();
    }
  }
  return {
    backend: database.kind,
    load: options,
    baseline:
      database.kind === "postgres"
        ? `hand-written SQL through a pg Pool (10 connections, as the API's), node:http, in its own process; both servers up, sides taking turns in ${SLICES} slices of each item's seconds`
        : "hand-written SQL on PGlite directly, node:http, in its own process; run after the API's whole mix (one process per data directory)",
    items: items.map((item) => {
      const { graphql, raw } = results.get(item.key) as ItemResult;
      return { key: item.key, name: item.name, graphql, raw, medianRatio: round(graphql.medianMs / raw.medianMs) };
    }),
    apiMemoryBefore,
    apiMemory,
    rawMemory,
  };
}

const usage = `npx tsx bench/queries.ts [options]
The query benchmark alone, on databases npm run bench:seed filled.

  --backend B         postgres (default) or embedded
  --seconds N         measured seconds per item and side (default ${defaultLoad.seconds})
  --warmup N          warm-up seconds before each (default ${defaultLoad.warmupSeconds})
  --connections N     concurrent clients (default ${defaultLoad.connections})
  --postgres-url URL  the server holding the benchmark databases (default ${defaultTargetOptions.postgresUrl})
  --data-dir DIR      the embedded databases' directory (default ./data-bench)
`;

async function main() {
  const options = readCommandLine(usage, () => {
    const values = parseOptions(process.argv.slice(2), {
      backend: { type: "string", default: "postgres" },
      seconds: { type: "string", default: String(defaultLoad.seconds) },
      warmup: { type: "string", default: String(defaultLoad.warmupSeconds) },
      connections: { type: "string", default: String(defaultLoad.connections) },
      "postgres-url": { type: "string", default: defaultTargetOptions.postgresUrl },
      "data-dir": { type: "string", default: defaultTargetOptions.dataDir },
      help: { type: "boolean" },
    });
    if (values.help) return "help";
    return {
      database: benchDatabaseConfig(parseBackend(values.backend), { postgresUrl: values["postgres-url"], dataDir: values["data-dir"] }),
      load: {
        seconds: wholeNumber("seconds", values.seconds, 1),
        warmupSeconds: wholeNumber("warmup", values.warmup, 0),
        connections: wholeNumber("connections", values.connections, 1),
      },
    };
  });
  if (!options) return;
  const result = await benchQueries(options.database, options.load, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
