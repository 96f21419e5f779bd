// The response cache's benchmark (issue 18): the query mix (bench/mix.ts) as 10,000 requests whose
// parameters are drawn with a Zipf law (a few classes, artists and filters asked far more often than the
// rest, as people do), against the API with the cache off, in memory (the default) and in Redis. Measured
// apart from the query benchmark's ratios, which are cold paths. Run it alone on seeded databases with
// `npx tsx bench/response-cache.ts`, or from `npm run bench`.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import autocannon from "autocannon";
import { Redis } from "ioredis";
import { type ApiServer, startApi } from "../harness/api";
import { withDatabases } from "../harness/databases";
import { type MemoryUse, memoryOf } from "../harness/memory";
import { bumpCatalogueVersion, catalogueVersion } from "../src/catalogue-version";
import { parseOptions, readCommandLine, wholeNumber } from "../src/cli/args";
import { type DatabaseConfig, loadConfig } from "../src/config";
import { memoryStore } from "../src/response-cache";
import { type Backend, benchDatabaseConfig, defaultTargetOptions, parseBackend } from "./databases";
import { type MixItem, readMix } from "./mix";

export interface CacheBenchOptions {
  /** requests in the measured mix */
  requests: number;
  /** concurrent clients (keep-alive connections) */
  connections: number;
  /** the Zipf law's exponent: the k-th most asked parameter set of an item is asked 1/k^s as often as the first */
  zipfExponent: number;
  /** the draws' seed: the same seed, the same requests */
  seed: number;
  /** a Redis for the third side, under a key prefix of the run's own (removed after); none: memory and off only */
  redisUrl?: string;
}

export const defaultCacheBench: CacheBenchOptions = { requests: 10_000, connections: 20, zipfExponent: 1, seed: 18, redisUrl: "redis://127.0.0.1:6379" };

type SideName = "off" | "memory" | "redis";

export interface CacheSideResult {
  side: SideName;
  /** the API's settings for it */
  env: Record<string, string>;
  /** successful responses (200, no GraphQL errors) */
  requests: number;
  failures: number;
  requestsPerSecond: number;
  medianMs: number;
  p99Ms: number;
  /** requests answered from the cache: Redis' own count (keyspace hits over lookups) on the Redis side; null where not measured */
  measuredHitRate: number | null;
  /** the API process after the measured requests (Linux) */
  memory: MemoryUse | null;
}

export interface CacheBenchResult {
  backend: Backend;
  options: CacheBenchOptions;
  mix: {
    /** distinct requests (item and parameter set) among the drawn ones */
    distinct: number;
    /** requests whose item and parameters were drawn before: the hit rate of a cache that holds every answer, had no request arrived while its first twin ran */
    repeatShare: number;
    items: { key: string; name: string; requests: number; distinct: number }[];
  };
  /** the text of the distinct answers (what the memory side holds at the end), in MiB */
  answerMiB: number;
  /** the heap a memory store takes (measured in this process): holding the mix's distinct answers, and full at the default RESPONSE_CACHE_MAX_MB */
  storeHeapMiB: { mix: number; fullAtDefault: number; defaultMaxMiB: number };
  sides: CacheSideResult[];
  /** how the sides ran */
  method: string;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** A seeded pseudo-random generator in [0, 1) (mulberry32): the same draws on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws a rank in [0, n) with probability proportional to 1/(rank+1)^s. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= n; rank++) {
    total += 1 / rank ** s;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let [low, high] = [0, n - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

interface Drawn {
  item: number;
  /** the index of its parameter set in the item's variables: the most asked first */
  set: number;
  body: string;
}

/** `count` requests: an item of the mix at random, then one of its parameter sets by the Zipf law (the item's first sets most often). */
function drawRequests(items: MixItem[], { requests, zipfExponent, seed }: CacheBenchOptions): Drawn[] {
  const random = seededRandom(seed);
  const ranks = items.map((item) => zipf(item.variables.length, zipfExponent, random));
  return Array.from({ length: requests }, () => {
    const item = Math.floor(random() * items.length);
    const set = ranks[item]!();
    return { item, set, body: JSON.stringify({ query: items[item]!.query, variables: items[item]!.variables[set] }) };
  });
}

const failed = (status: number, body: string) => status !== 200 || body.includes('"errors":[');

interface Sample {
  latencies: number[];
  failures: number;
  seconds: number;
}

/** The bodies posted by `connections` clients, each body once, in order; each response's latency. */
async function load(url: string, bodies: string[], connections: number): Promise<Sample> {
  let next = 0;
  let failures = 0;
  let lastFailed = false;
  const latencies: number[] = [];
  const started = performance.now();
  await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        amount: bodies.length,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
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
  return { latencies, failures, seconds: (performance.now() - started) / 1000 };
}

interface Side {
  name: SideName;
  env: Record<string, string>;
  api?: ApiServer;
  samples: Sample[];
  memory: MemoryUse | null;
  /** Redis' hits and misses when the side started */
  redisStats?: { hits: number; misses: number };
}

async function redisStats(redis: Redis): Promise<{ hits: number; misses: number }> {
  const info = await redis.info("stats");
  const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, "m").exec(info)?.[1] ?? Number.NaN);
  return { hits: field("keyspace_hits"), misses: field("keyspace_misses") };
}

// generous: a large catalogue on a busy machine is slow to open
const startTimeoutMs = 180_000;
/** Turns each side takes over the measured requests, on PostgreSQL: a machine's speed drifts from one minute to the next. */
const SLICES = 5;
const WARMUP_REQUESTS = 500;

/**
 * The Zipf mix against the API with the cache off, in memory and in Redis. On PostgreSQL the servers run
 * at once and take turns, slice by slice of the same requests (each side's cache carrying over); PGlite
 * allows one process per data directory, so on the embedded databases each side runs the whole mix in
 * turn. Before: each side warms up on other documents (renamed operations, which share no key with the
 * mix). After: every distinct request is asked again of each side, and the cached sides' answers (all
 * from their caches by then) must be the bytes the side without a cache answers.
 */
export async function benchResponseCache(
  database: DatabaseConfig,
  options: CacheBenchOptions = defaultCacheBench,
  log: (line: string) => void = () => undefined,
): Promise<CacheBenchResult> {
  // an ingested catalogue has a version, which names its answers; bench:seed writes none
  await withDatabases(database, async ({ detailed }) => {
    if ((await catalogueVersion(detailed)) === null) await bumpCatalogueVersion(detailed);
  });
  const items = await readMix(database);
  const drawn = drawRequests(items, options);
  const bodies = drawn.map((request) => request.body);
  const seen = new Set<string>();
  const repeats = bodies.filter((body) => seen.has(body) || !seen.add(body)).length;
  const distinct = [...seen];
  const warmup = drawRequests(
    items.map((item) => ({ ...item, query: item.query.replace(/^query (\w+)/, "query Warm$1") })),
    { ...options, requests: WARMUP_REQUESTS, seed: options.seed + 1 },
  ).map((request) => request.body);

  const prefix = `peloton-bench-cache-${process.pid}-${Date.now()}:`;
  const redis = options.redisUrl ? new Redis(options.redisUrl) : undefined;
  const sides: Side[] = [
    { name: "off", env: { RESPONSE_CACHE_MAX_MB: "0" }, samples: [], memory: null },
    { name: "memory", env: {}, samples: [], memory: null },
    ...(options.redisUrl ? [{ name: "redis" as const, env: { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: prefix }, samples: [], memory: null }] : []),
  ];
  const start = async (side: Side) => {
    side.api = await startApi(database, { env: { ADMIN_TOKEN: "", ...side.env }, timeoutMs: startTimeoutMs });
    await load(side.api.url, warmup, options.connections);
    if (side.name === "redis") side.redisStats = await redisStats(redis!);
  };
  const finish = async (side: Side, answers: Map<string, string>[]) => {
    side.memory = memoryOf(side.api!.pid);
    if (side.name === "redis") {
      const after = await redisStats(redis!);
      side.redisStats = { hits: after.hits - side.redisStats!.hits, misses: after.misses - side.redisStats!.misses };
    }
    answers.push(await answersTo(side.api!.url, distinct));
  };
  const answers: Map<string, string>[] = [];
  try {
    if (database.kind === "postgres") {
      await Promise.all(sides.map(start));
      const size = Math.ceil(bodies.length / SLICES);
      for (let slice = 0; slice < SLICES; slice++) {
        for (const side of sides) side.samples.push(await load(side.api!.url, bodies.slice(slice * size, (slice + 1) * size), options.connections));
      }
      // the answers only once every side is measured: asking them fills the caches
      for (const side of sides) await finish(side, answers);
    } else {
      for (const side of sides) {
        await start(side);
        try {
          side.samples.push(await load(side.api!.url, bodies, options.connections));
          await finish(side, answers);
        } finally {
          await side.api!.stop();
        }
      }
    }
  } finally {
    await Promise.all(sides.map((side) => side.api?.stop()));
    if (redis) {
      const keys = await redis.keys(`${prefix}*`);
      for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
      await redis.quit();
    }
  }
  requireSameAnswers(sides, answers, distinct);

  const results = sides.map((side): CacheSideResult => {
    const latencies = side.samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
    const seconds = side.samples.reduce((sum, sample) => sum + sample.seconds, 0);
    const stats = side.redisStats;
    const result = {
      side: side.name,
      env: side.env,
      requests: latencies.length,
      failures: side.samples.reduce((sum, sample) => sum + sample.failures, 0),
      requestsPerSecond: round(latencies.length / seconds, 1),
      medianMs: round(percentile(latencies, 0.5)),
      p99Ms: round(percentile(latencies, 0.99)),
      measuredHitRate: stats ? round(stats.hits / (stats.hits + stats.misses), 3) : null,
      memory: side.memory && { rssMiB: Math.round(side.memory.rssMiB), peakRssMiB: Math.round(side.memory.peakRssMiB) },
    };
    log(
      `  cache ${side.name.padEnd(7)} median ${result.medianMs.toFixed(2).padStart(7)} ms  p99 ${result.p99Ms.toFixed(2).padStart(7)} ms  ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s` +
        `${result.measuredHitRate === null ? "" : `  hits ${(result.measuredHitRate * 100).toFixed(1)} %`}  RSS ${result.memory?.rssMiB ?? "?"} MiB${result.failures ? `  ${result.failures} FAILED` : ""}`,
    );
    return result;
  });
  const answerBytes = [...answers[0]!.values()].reduce((sum, text) => sum + text.length, 0);
  const storeHeap = storeHeapMiB([...answers[0]!.values()].map((text) => text.slice(4)));
  log(
    `  memory store: ${storeHeap.mix} MiB of heap for the mix's ${distinct.length} answers, ${storeHeap.fullAtDefault} MiB full at ${storeHeap.defaultMaxMiB} MiB of text`,
  );
  return {
    backend: database.kind,
    options,
    mix: {
      distinct: distinct.length,
      repeatShare: round(repeats / bodies.length, 3),
      items: items.map((item, index) => {
        const mine = drawn.filter((request) => request.item === index);
        return { key: item.key, name: item.name, requests: mine.length, distinct: new Set(mine.map((request) => request.set)).size };
      }),
    },
    answerMiB: round(answerBytes / 1024 / 1024, 2),
    storeHeapMiB: storeHeap,
    sides: results,
    method:
      database.kind === "postgres"
        ? `the API three times (npm start, production), cache off / in memory / in Redis; ${options.connections} clients; the sides taking turns in ${SLICES} slices of the same requests, after ${WARMUP_REQUESTS} warm-up requests each on documents sharing no key with the mix`
        : `the API (npm start, production) with each setting in turn over the whole mix (PGlite: one process per data directory); ${options.connections} clients; ${WARMUP_REQUESTS} warm-up requests each on documents sharing no key with the mix`,
  };
}

/**
 * The heap a memory store takes in this process: holding `answers` (under keys shaped as the API's), then
 * filled with copies of them up to the default size. Each copy is a string of its own, as every answer is
 * in the API.
 */
function storeHeapMiB(answers: string[]): CacheBenchResult["storeHeapMiB"] {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const defaultConfig = loadConfig({}).responseCache;
  const defaultMaxMiB = defaultConfig.store === "memory" ? defaultConfig.maxMiB : 0;
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const copy = (text: string) => Buffer.from(text).toString();
  const key = (n: number) => `answer:${Buffer.from(String(n).padStart(32, "0")).toString("base64url")}`;
  const before = heap();
  const store = memoryStore(defaultMaxMiB * 1024 * 1024);
  for (const [n, answer] of answers.entries()) store.set(key(n), copy(answer));
  const mix = heap() - before;
  // copies until the least recently used start to go: the store is then as full as it gets
  let stored = answers.reduce((sum, answer, n) => sum + answer.length + key(n).length, 0);
  for (let n = answers.length; stored < defaultMaxMiB * 1024 * 1024; n++) {
    const answer = copy(answers[n % answers.length]!);
    store.set(key(n), answer);
    stored += answer.length + key(n).length;
  }
  const full = heap() - before;
  void store.close();
  return { mix: round(mix / 1024 / 1024, 1), fullAtDefault: round(full / 1024 / 1024, 1), defaultMaxMiB };
}

/** Each distinct request's answer (status and body), a few at a time. */
async function answersTo(url: string, bodies: string[]): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
      answers.set(body, `${response.status} ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return answers;
}

function requireSameAnswers(sides: Side[], answers: Map<string, string>[], bodies: string[]) {
  for (const body of bodies) {
    const expected = answers[0]!.get(body)!;
    if (failed(Number(expected.slice(0, 3)), expected)) throw new Error(`The API without a cache failed ${body}: ${expected.slice(0, 500)}`);
    for (const [index, side] of sides.entries()) {
      if (answers[index]!.get(body) !== expected) {
        throw new Error(
          `The API with the cache ${side.name} answers differently from the API without (request ${body}):\n` +
            `cache ${side.name}: ${answers[index]!.get(body)?.slice(0, 1500)}\ncache off: ${expected.slice(0, 1500)}`,
        );
      }
    }
  }
}

const usage = `npx tsx bench/response-cache.ts [options]
The response cache's benchmark alone, on databases npm run bench:seed filled (BENCH_DATABASES names another pair).

  --backend B         postgres (default) or embedded
  --requests N        requests in the measured mix (default ${defaultCacheBench.requests})
  --connections N     concurrent clients (default ${defaultCacheBench.connections})
  --seed N            the draws' seed (default ${defaultCacheBench.seed})
  --redis-url URL     the Redis of the third side, "" for none (default ${defaultCacheBench.redisUrl})
  --postgres-url URL  the server holding the benchmark databases (default ${defaultTargetOptions.postgresUrl})
  --data-dir DIR      the embedded databases' directory (default ./data-bench)
`;

async function main() {
  const options = readCommandLine(usage, () => {
    const values = parseOptions(process.argv.slice(2), {
      backend: { type: "string", default: "postgres" },
      requests: { type: "string", default: String(defaultCacheBench.requests) },
      connections: { type: "string", default: String(defaultCacheBench.connections) },
      seed: { type: "string", default: String(defaultCacheBench.seed) },
      "redis-url": { type: "string", default: defaultCacheBench.redisUrl },
      "postgres-url": { type: "string", default: defaultTargetOptions.postgresUrl },
      "data-dir": { type: "string", default: defaultTargetOptions.dataDir },
      help: { type: "boolean" },
    });
    if (values.help) return "help";
    return {
      database: benchDatabaseConfig(parseBackend(values.backend), { postgresUrl: values["postgres-url"], dataDir: values["data-dir"] }),
      bench: {
        ...defaultCacheBench,
        requests: wholeNumber("requests", values.requests, 1),
        connections: wholeNumber("connections", values.connections, 1),
        seed: wholeNumber("seed", values.seed, 0),
        redisUrl: values["redis-url"] || undefined,
      },
    };
  });
  if (!options) return;
  const result = await benchResponseCache(options.database, options.bench, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
