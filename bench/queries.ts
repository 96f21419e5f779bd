// The query benchmark: the mix (bench/mix.ts) over HTTP with autocannon, against the real GraphQL
// API, the raw-SQL baseline answering the same JSON, and (on PostgreSQL) PostGraphile, the peer
// (bench/peer.ts). Run it alone on already seeded databases with `npx tsx bench/queries.ts`, or as
// part of `npm run bench`.
import { deepStrictEqual } from "node:assert";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import pg from "pg";
import type { MemoryUse } from "../harness/memory";
import { parseOptions, readCommandLine, wholeNumber } from "../src/cli/args";
import type { DatabaseConfig } from "../src/config";
import { type Backend, benchDatabaseConfig, defaultTargetOptions, parseBackend } from "./databases";
import { type MixItem, readMix } from "./mix";
import { apiCursorRow, installPeer, type PeerQuery, peerCursorRow, peerQueries, peerVersions, preparePeerDatabase, withCursorRows } from "./peer";
import {
  applicationName,
  postgresCpu,
  postgresCpuMsSince,
  postmasterOf,
  type ServerProcess,
  type Side,
  startApiServer,
  startPeerServer,
  startRawServer,
} from "./servers";

export interface LoadOptions {
  /** concurrent clients (keep-alive connections) */
  connections: number;
  /**
   * measured seconds per mix item for its slowest side: on PostgreSQL every side sends the same requests
   * (whole passes over the item's parameter sets, at least one, which may take longer); on PGlite each
   * side alone sends the whole passes its own warm-up rate fits in these seconds
   */
  seconds: number;
  /** unmeasured seconds of the same load before each measurement */
  warmupSeconds: number;
}

export const defaultLoad: LoadOptions = { connections: 20, seconds: 10, warmupSeconds: 2 };

export interface Measurement {
  /** successful responses (200, no GraphQL errors) in the measured turns */
  requests: number;
  /** non-2xx answers, answers with errors, timeouts and socket errors */
  failures: number;
  requestsPerSecond: number;
  medianMs: number;
  p99Ms: number;
  /** the server process's CPU time (user + system) per successful request: its own cost, whatever else runs on the machine */
  serverCpuMsPerRequest: number | null;
  /** the benchmark PostgreSQL server's CPU time (its processes, bench/servers.ts postgresCpu) per successful request, over the side's turns and their quiet waits; null on PGlite or a server elsewhere */
  databaseCpuMsPerRequest: number | null;
}

export interface ItemResult {
  key: string;
  name: string;
  graphql: Measurement;
  raw: Measurement;
  /** PostGraphile's (on PostgreSQL) */
  peer: Measurement | null;
  /** GraphQL's median latency over the raw baseline's */
  medianRatio: number;
  /** PostGraphile's median latency over the raw baseline's */
  peerMedianRatio: number | null;
  /** how long, in all, each side's queries ran on after its turns ended (waited out before the next turn; PostgreSQL only) */
  quietWaitMs: Partial<Record<Side, number>>;
  /** each side's requests in each measured turn, whole passes over the item's parameter sets (PostgreSQL only) */
  requestsPerTurn: number | null;
}

export interface QueryBenchResult {
  backend: Backend;
  load: LoadOptions;
  /** how the raw baseline ran beside the API */
  baseline: string;
  /** how the peer ran, with its versions; null where it did not (PGlite) */
  peer: string | null;
  /** parameter sets whose answers were compared, every side with the API, before the load */
  comparedAnswers: number;
  items: ItemResult[];
  /** the API server process once it has answered each query a few times, before the load */
  apiMemoryBefore: MemoryUse | null;
  /** the API server process after the whole mix (Linux only) */
  apiMemory: MemoryUse | null;
  rawMemory: MemoryUse | null;
  peerMemory: MemoryUse | null;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export interface Target {
  path: string;
  /** the parameter sets the bodies cycle through */
  sets: number;
  /** the JSON body of the i-th request */
  body(i: number): string;
}

const graphqlTarget = (item: MixItem): Target => ({
  path: "/graphql",
  sets: item.variables.length,
  body: (i) => JSON.stringify({ query: item.query, variables: item.variables[i % item.variables.length] }),
});

const rawTarget = (item: MixItem): Target => ({
  path: `/${item.route}`,
  sets: item.variables.length,
  body: (i) => JSON.stringify(item.variables[i % item.variables.length]),
});

/** An item as PostGraphile is asked for it: its query, with the peer's own variables for each parameter set. */
interface PeerItem {
  query: PeerQuery;
  variables: Record<string, unknown>[];
}

const peerTarget = ({ query, variables }: PeerItem): Target => ({
  path: "/graphql",
  sets: variables.length,
  body: (i) => JSON.stringify({ query: query.query, variables: variables[i % variables.length] }),
});

async function peerItems(items: MixItem[], peer: ServerProcess): Promise<PeerItem[]> {
  const ask = (query: string, variables: Record<string, unknown>) =>
    post(peer.origin, { path: "/graphql", sets: 1, body: () => JSON.stringify({ query, variables }) }, 0);
  return Promise.all(
    items.map(async (item) => {
      const query = peerQueries[item.key];
      if (!query) throw new Error(`bench/peer.ts has no PostGraphile query for the mix item "${item.key}"`);
      return { query, variables: await query.variables(item.variables, ask) };
    }),
  );
}

const failed = (status: number, body: string) => status !== 200 || body.includes('"errors":[');

/** What one stretch of load gave: each successful response's latency, and the failures. */
interface Sample {
  latencies: number[];
  failures: number;
  seconds: number;
  /** the server's CPU time over the stretch, in ms (null where /proc cannot tell) */
  cpuMs: number | null;
  /** the database's, where measured */
  databaseCpuMs?: number | null;
}

/**
 * `connections` clients posting the target's bodies in order, from the first parameter set, for a
 * number of `seconds` or of `requests`; latency measured per response (autocannon's own histogram
 * keeps whole milliseconds).
 */
export async function load(
  server: Pick<ServerProcess, "origin" | "cpuMs">,
  target: Target,
  connections: number,
  length: { seconds: number } | { requests: number },
): Promise<Sample> {
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
        ...("requests" in length ? { amount: length.requests } : { duration: length.seconds }),
        // it notices the end (of the seconds, or of the last request) at its next sample: by default a whole second later
        sampleInt: 10,
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
  const total = (cpu: (sample: Sample) => number | null | undefined) =>
    samples.some((sample) => cpu(sample) == null) ? null : samples.reduce((sum, sample) => sum + cpu(sample)!, 0);
  const perRequest = (ms: number | null) => (ms === null || latencies.length === 0 ? null : round(ms / latencies.length, 3));
  const cpuMs = total((sample) => sample.cpuMs);
  return {
    requests: latencies.length,
    failures: samples.reduce((sum, sample) => sum + sample.failures, 0),
    requestsPerSecond: round(latencies.length / seconds, 1),
    medianMs: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    serverCpuMsPerRequest: perRequest(cpuMs),
    databaseCpuMsPerRequest: perRequest(total((sample) => sample.databaseCpuMs)),
  };
}

async function post(origin: string, target: Target, i: number): Promise<unknown> {
  const response = await fetch(origin + target.path, { method: "POST", headers: { "content-type": "application/json" }, body: target.body(i) });
  const text = await response.text();
  if (failed(response.status, text)) throw new Error(`${origin}${target.path} answered ${response.status}: ${text.slice(0, 500)} (request ${target.body(i)})`);
  return (JSON.parse(text) as { data: unknown }).data;
}

/** Each side's answers to every parameter set of every item, as `answers[item][set]`. */
async function answers(origin: string, items: MixItem[], target: (index: number) => Target): Promise<unknown[][]> {
  const all: unknown[][] = [];
  for (const [index, item] of items.entries()) {
    const side = target(index);
    const answers: unknown[] = [];
    // a few at a time: 1,200 requests a side
    for (let i = 0; i < item.variables.length; i += 8) {
      const batch = Array.from({ length: Math.min(8, item.variables.length - i) }, (_, k) => post(origin, side, i + k));
      answers.push(...(await Promise.all(batch)));
    }
    all.push(answers);
  }
  return all;
}

/** What differs between two answers, as node:assert's diff; null if they are the same. */
function difference(expected: unknown, actual: unknown): string | null {
  try {
    deepStrictEqual(actual, expected);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

interface OtherSide {
  /** the side's name in the messages */
  name: string;
  answers: unknown[][];
  /** both answers as they are compared (cursors written differently read as the rows they point at) */
  compared?: (api: unknown, other: unknown) => [unknown, unknown];
}

/**
 * Every side's answer to every parameter set is the API's (ids as Peloton ids, each side's cursors
 * read as the classes they point at); throws with the differences, a few per item, if any.
 */
function requireSameAnswers(items: MixItem[], api: unknown[][], others: OtherSide[]): number {
  const problems: string[] = [];
  let compared = 0;
  for (const [index, item] of items.entries()) {
    for (const other of others) {
      const different: string[] = [];
      for (const [i, answer] of api[index]!.entries()) {
        const [expected, actual] = other.compared ? other.compared(answer, other.answers[index]![i]) : [answer, other.answers[index]![i]];
        const diff = difference(expected, actual);
        if (diff !== null) different.push(`  variables ${JSON.stringify(item.variables[i])}:\n${diff.slice(0, 2500)}`);
      }
      if (different.length > 0) {
        problems.push(
          `"${item.name}": ${other.name} answers ${different.length} of ${api[index]!.length} parameter sets differently from the API ("+" ${other.name}, "-" the API); the first:\n${different.slice(0, 3).join("\n")}`,
        );
      }
    }
    compared += api[index]!.length;
  }
  if (problems.length > 0) throw new Error(`The sides do not answer the same:\n${problems.join("\n\n")}`);
  return compared;
}

/** PostGraphile's answers in the API's shape, both sides' cursors read as the classes they point at. */
const peerSide = (peer: PeerItem[], answers: unknown[][]): OtherSide => ({
  name: "PostGraphile",
  answers: answers.map((forItem, index) => forItem.map((data) => peer[index]!.query.answer(data))),
  compared: (api, other) => [withCursorRows(api, apiCursorRow), withCursorRows(other, peerCursorRow)],
});

/**
 * Whether a side's queries still run: its connections (by application_name, and the parallel workers
 * they lead) in any state but idle. A side's load ends with requests in flight, whose queries would
 * otherwise run into the next side's turn.
 */
class QuietWatch {
  private constructor(
    private readonly client: pg.Client,
    /** the database server's main process, where it runs on this machine (postmasterOf) */
    readonly postmaster: number | null,
  ) {}

  static async open(detailedUrl: string): Promise<QuietWatch> {
    const client = new pg.Client({ connectionString: detailedUrl, application_name: "bench-monitor" });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    return new QuietWatch(client, postmasterOf(rows[0]!.pid));
  }

  /**
   * Fails unless the side's connections are there by name just after it answered `ask` (pools close
   * idle connections after a while): a side that did not name them would never be waited for.
   */
  async requireNamed(side: Side, ask: () => Promise<unknown>): Promise<void> {
    await ask();
    const { rows } = await this.client.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", [
      applicationName[side],
    ]);
    if (rows.length === 0) throw new Error(`No connection named ${applicationName[side]} in pg_stat_activity: PGAPPNAME did not reach the server`);
  }

  /** Waits until `side` runs no query (at most a minute); answers how long that took, in ms. */
  async wait(side: Side): Promise<number> {
    const started = performance.now();
    for (;;) {
      const { rows } = await this.client.query<{ busy: number }>(
        `SELECT count(*)::int AS busy FROM pg_stat_activity
          WHERE datname = current_database() AND state IS DISTINCT FROM 'idle'
            AND coalesce(leader_pid, pid) IN (SELECT pid FROM pg_stat_activity WHERE application_name = $1)`,
        [applicationName[side]],
      );
      const waited = performance.now() - started;
      if (rows[0]!.busy === 0) return waited;
      if (waited > 60_000) throw new Error(`${applicationName[side]} still runs ${rows[0]!.busy} queries a minute after its turn ended`);
      await sleep(5);
    }
  }

  close = () => this.client.end();
}

/**
 * How many requests a measured stretch sends: whole passes over the item's parameter sets, so that
 * every side answers each set equally often (parameter sets differ in cost: a side that answered the
 * first few sets only would be measured on a different load), as many passes as fit in `seconds` at
 * `requestsPerSecond` (the slowest side's warm-up rate), at least one and at least one request a client.
 */
export function wholePasses(sets: number, requestsPerSecond: number, seconds: number, connections: number): number {
  if (!(sets >= 1)) throw new Error(`an item of the mix needs at least one parameter set, not ${sets}`);
  const passes = Math.max(1, Math.round((requestsPerSecond * seconds) / sets), Math.ceil(connections / sets));
  return passes * sets;
}

const rateOf = (sample: Sample) => (sample.seconds > 0 ? sample.latencies.length / sample.seconds : 0);

async function measure(server: ServerProcess, target: Target, options: LoadOptions): Promise<Measurement> {
  const rate = options.warmupSeconds > 0 ? rateOf(await load(server, target, options.connections, { seconds: options.warmupSeconds })) : 0;
  const requests = wholePasses(target.sets, rate, options.seconds, options.connections);
  return summarize([await load(server, target, options.connections, { requests })]);
}

/**
 * The sides of an item, in alternating turns: a virtual machine's speed drifts from one minute to
 * the next (by up to half, on the machine of bench/README.md), and sides measured in turn see the
 * same machine. Each turn sends the same requests (wholePasses: about a slice of the measured seconds
 * at the slowest side's warm-up rate). After each turn (warm-up included), the next waits until the
 * database runs none of that side's queries.
 */
async function measureTurns(
  sides: [ServerProcess, Target][],
  options: LoadOptions,
  quiet: QuietWatch,
): Promise<{ measurements: Measurement[]; quietWaitMs: Partial<Record<Side, number>>; requestsPerTurn: number }> {
  const quietWaitMs: Partial<Record<Side, number>> = {};
  const turn = async (server: ServerProcess, target: Target, length: { seconds: number } | { requests: number }) => {
    const databaseBefore = postgresCpu(quiet.postmaster);
    const sample = await load(server, target, options.connections, length);
    quietWaitMs[server.side] = round((quietWaitMs[server.side] ?? 0) + (await quiet.wait(server.side)), 1);
    return { ...sample, databaseCpuMs: postgresCpuMsSince(databaseBefore, postgresCpu(quiet.postmaster)) };
  };
  const rates: number[] = [];
  for (const [server, target] of sides) if (options.warmupSeconds > 0) rates.push(rateOf(await turn(server, target, { seconds: options.warmupSeconds })));
  const slices = Math.max(1, Math.min(SLICES, Math.floor(options.seconds)));
  const requestsPerTurn = wholePasses(sides[0]![1].sets, rates.length ? Math.min(...rates) : 0, options.seconds / slices, options.connections);
  const samples: Sample[][] = sides.map(() => []);
  for (let slice = 0; slice < slices; slice++) {
    for (const [index, [server, target]] of sides.entries()) samples[index]!.push(await turn(server, target, { requests: requestsPerTurn }));
  }
  return { measurements: samples.map(summarize), quietWaitMs, requestsPerTurn };
}

/** How many turns each side takes in the measured seconds of an item. */
const SLICES = 5;

/**
 * Loads the API, the raw baseline and PostGraphile with each item of the mix in turn, after checking
 * that they answer every parameter set alike. On PostgreSQL the three servers run at once and the sides
 * take turns within each item (measureTurns), the database quiet between turns; PGlite allows one
 * process per data directory and PostGraphile needs PostgreSQL, so on the embedded databases the API
 * runs the whole mix first, then the baseline (its own process, PGlite without Prisma or GraphQL).
 */
export async function benchQueries(database: DatabaseConfig, options: LoadOptions, log: (line: string) => void = () => undefined): Promise<QueryBenchResult> {
  const items = await readMix(database);
  const results = new Map<string, Partial<ItemResult>>(
    items.map((item) => [item.key, { key: item.key, name: item.name, peer: null, quietWaitMs: {}, requestsPerTurn: null }]),
  );
  const note = (item: MixItem, side: Side, measurement: Measurement) => {
    results.get(item.key)![side] = measurement;
    const cpu =
      (measurement.serverCpuMsPerRequest === null ? "" : `  server CPU ${measurement.serverCpuMsPerRequest.toFixed(2)} ms/req`) +
      (measurement.databaseCpuMsPerRequest === null ? "" : `  PostgreSQL CPU ${measurement.databaseCpuMsPerRequest.toFixed(2)} ms/req`);
    log(
      `  ${item.name.padEnd(42)} ${side.padEnd(7)} median ${measurement.medianMs.toFixed(2).padStart(7)} ms  p99 ${measurement.p99Ms.toFixed(2).padStart(7)} ms  ${measurement.requestsPerSecond.toFixed(0).padStart(6)} req/s${cpu}${measurement.failures ? `  ${measurement.failures} FAILED` : ""}`,
    );
  };
  let apiMemoryBefore: MemoryUse | null;
  let apiMemory: MemoryUse | null;
  let rawMemory: MemoryUse | null;
  let peerMemory: MemoryUse | null = null;
  let peer: string | null = null;
  let comparedAnswers: number;
  if (database.kind === "postgres") {
    installPeer(log);
    await preparePeerDatabase(database.detailedUrl);
    const versions = peerVersions();
    peer = `PostGraphile ${versions.postgraphile} (amber preset, @graphile/simplify-inflection ${versions["@graphile/simplify-inflection"]}, postgraphile-plugin-connection-filter ${versions["postgraphile-plugin-connection-filter"]}) over public and postgraphile_peer (bench/peer-sql.ts), a pg Pool of 10, node:http, in its own process; taking turns with the other two`;
    const servers = await Promise.all([startApiServer(database), startRawServer(database), startPeerServer(database)]);
    const [api, raw, postgraphile] = servers;
    const quiet = await QuietWatch.open(database.detailedUrl);
    try {
      log(`  comparing the three sides' answers to every parameter set…`);
      const peerItemList = await peerItems(items, postgraphile);
      const [apiAnswers, rawAnswers, peerAnswers] = await Promise.all([
        answers(api.origin, items, (index) => graphqlTarget(items[index]!)),
        answers(raw.origin, items, (index) => rawTarget(items[index]!)),
        answers(postgraphile.origin, items, (index) => peerTarget(peerItemList[index]!)),
      ]);
      comparedAnswers = requireSameAnswers(items, apiAnswers, [{ name: "raw SQL", answers: rawAnswers }, peerSide(peerItemList, peerAnswers)]);
      await quiet.requireNamed("graphql", () => post(api.origin, graphqlTarget(items[0]!), 0));
      await quiet.requireNamed("raw", () => post(raw.origin, rawTarget(items[0]!), 0));
      await quiet.requireNamed("peer", () => post(postgraphile.origin, peerTarget(peerItemList[0]!), 0));
      apiMemoryBefore = api.memory();
      for (const [index, item] of items.entries()) {
        const { measurements, quietWaitMs, requestsPerTurn } = await measureTurns(
          [
            [api, graphqlTarget(item)],
            [raw, rawTarget(item)],
            [postgraphile, peerTarget(peerItemList[index]!)],
          ],
          options,
          quiet,
        );
        note(item, "graphql", measurements[0]!);
        note(item, "raw", measurements[1]!);
        note(item, "peer", measurements[2]!);
        Object.assign(results.get(item.key)!, { quietWaitMs, requestsPerTurn });
      }
      [apiMemory, rawMemory, peerMemory] = [api.memory(), raw.memory(), postgraphile.memory()];
    } finally {
      await quiet.close();
      await Promise.all(servers.map((server) => server.stop()));
    }
  } else {
    let expected: unknown[][];
    const api = await startApiServer(database);
    try {
      expected = await answers(api.origin, items, (index) => graphqlTarget(items[index]!));
      apiMemoryBefore = api.memory();
      for (const item of items) note(item, "graphql", await measure(api, graphqlTarget(item), options));
      apiMemory = api.memory();
    } finally {
      await api.stop();
    }
    const raw = await startRawServer(database);
    try {
      comparedAnswers = requireSameAnswers(items, expected, [
        { name: "raw SQL", answers: await answers(raw.origin, items, (index) => rawTarget(items[index]!)) },
      ]);
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
        ? `hand-written SQL through a pg Pool (10 connections, as the API's), node:http, in its own process; the three servers up, sides taking ${SLICES} turns an item, each turn the same requests for every side (whole passes over the parameter sets) and after the previous side's queries ended`
        : "hand-written SQL on PGlite directly, node:http, in its own process; run after the API's whole mix (one process per data directory)",
    peer,
    comparedAnswers,
    items: items.map((item) => {
      const { graphql, raw, peer, quietWaitMs, requestsPerTurn } = results.get(item.key) as ItemResult;
      return {
        key: item.key,
        name: item.name,
        graphql,
        raw,
        peer,
        medianRatio: round(graphql.medianMs / raw.medianMs),
        peerMedianRatio: peer && round(peer.medianMs / raw.medianMs),
        quietWaitMs,
        requestsPerTurn,
      };
    }),
    apiMemoryBefore,
    apiMemory,
    rawMemory,
    peerMemory,
  };
}

const usage = `npx tsx bench/queries.ts [options]
The query benchmark alone, on databases npm run bench:seed filled.

  --backend B         postgres (default) or embedded
  --seconds N         measured seconds per item, for its slowest side; at least one whole pass over its parameter sets (default ${defaultLoad.seconds})
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
