import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import { type BackgroundRuns, backgroundRuns } from "../src/ingest/background";
import { processDetails } from "../src/ingest/process-details";
import { syncWorkouts } from "../src/ingest/sync-workouts";
import { createLogger } from "../src/log";
import { type AnswerStore, memoryStore, openResponseCache, redisStore } from "../src/response-cache";
import { createApi } from "../src/server";
import { useIngestFixture } from "./support/ingest";

// The response cache through the API's fetch, over real databases and a real Redis (127.0.0.1:6379, under
// a key prefix of this file's own, removed after). What a request was answered from is told by the catalogue
// itself: the tests retitle classes straight in the database, with no ingestion commit (the version stays),
// so that an answer from the cache still shows the old titles and an executed one the new.

const f = useIngestFixture({ classes: 30, disciplines: ["cycling"] });
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `pmc-test-${process.pid}-${Date.now()}:`;
const token = "test-admin-token-0123456789";

let redis: Redis;
const opened: { dispose(): Promise<void> | void }[] = [];
beforeAll(() => {
  redis = new Redis(redisUrl);
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((api) => api.dispose()));
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

/** `classes` more classes of the simulator's, each stored (and committed) with its playlist. */
async function catalogue(classes: number) {
  const deps = await f.deps();
  if ((await f.db.workouts.workout.count()) === 0) await syncWorkouts(deps, { categories: ["cycling"], full: true });
  await processDetails(deps, { batchSize: classes });
}

/** Every stored class retitled, with no ingestion commit: the catalogue's version stays. */
const retitle = (title: string) => f.db.detailed.$executeRaw`UPDATE detailed_workouts SET title = ${title} || ' ' || id`;

function api(store?: AnswerStore, options: Parameters<typeof createApi>[1] = {}) {
  const yoga = createApi(f.db, { ...options, responseCache: store });
  opened.push(yoga);
  return yoga;
}

interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

async function post(yoga: ReturnType<typeof createApi>, query: string, variables: object = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await yoga.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

async function get(yoga: ReturnType<typeof createApi>, query: string, variables: object = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const search = new URLSearchParams({ query, variables: JSON.stringify(variables) });
  const response = await yoga.fetch(`http://localhost/graphql?${search}`, { headers: { "x-graphql-yoga-csrf": "1", ...headers } });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const titlesOf = (answer: Answer): string[] =>
  JSON.parse(answer.text).data.workouts.edges.map((edge: { node: { title: string } }) => edge.node.title.split(" ")[0]);

const Titles = "query CacheTitles($first: Int!) { workouts(first: $first) { totalCount edges { node { pelotonId title } } } }";

describe("the response cache", () => {
  it("answers a repeated query from memory with the same bytes, POST or GET, until an ingestion commits", async () => {
    await catalogue(3);
    await retitle("before");
    const cached = api(memoryStore(1024 * 1024));
    const miss = await post(cached, Titles, { first: 2 });
    expect(miss.status).toBe(200);
    expect(titlesOf(miss)).toEqual(["before", "before"]);

    await retitle("after");
    const hit = await post(cached, Titles, { first: 2 });
    expect(hit.text).toBe(miss.text);
    expect([hit.status, hit.headers.get("content-type")]).toEqual([miss.status, miss.headers.get("content-type")]);
    // without the cache the same request reads the new titles
    expect(titlesOf(await post(api(), Titles, { first: 2 }))).toEqual(["after", "after"]);
    // other variables, another answer
    expect(titlesOf(await post(cached, Titles, { first: 1 }))).toEqual(["after"]);

    // a GET of the same query is the same key: the stored bytes, with the ETag of the version, and 304 for that ETag
    const byGet = await get(cached, Titles, { first: 2 });
    expect(byGet.text).toBe(miss.text);
    const etag = byGet.headers.get("etag");
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(byGet.headers.get("cache-control")).toBe("public, max-age=60");
    const notModified = await get(cached, Titles, { first: 2 }, { "if-none-match": etag! });
    expect([notModified.status, notModified.text, notModified.headers.get("etag")]).toEqual([304, "", etag]);
    // a query first asked by GET is stored as well (and the GET asked by another client answers 304 without being stored)
    const firstByGet = await get(cached, Titles, { first: 3 });
    await retitle("later");
    expect((await post(cached, Titles, { first: 3 })).text).toBe(firstByGet.text);

    await catalogue(1); // one more class, committed: a new version
    const afterCommit = await post(cached, Titles, { first: 4 });
    expect(JSON.parse(afterCommit.text).data.workouts.totalCount).toBe(4);
    const again = await post(cached, Titles, { first: 2 });
    expect(again.text).not.toBe(miss.text);
    expect(titlesOf(again)).toContain("later");
    const newEtag = (await get(cached, Titles, { first: 2 })).headers.get("etag");
    expect(newEtag).not.toBe(etag);
  });

  it("never stores mutations, admin or run fields, requests with Authorization, or answers with errors", async () => {
    await catalogue(2);
    let runs: BackgroundRuns | undefined;
    try {
      runs = backgroundRuns(await f.deps());
      const store = await redisStore(redisUrl, { keyPrefix: `${prefix}never:` });
      const cached = api(store, { admin: { token, runs } });
      const asAdmin = { authorization: `Bearer ${token}` };
      const never: [string, Promise<Answer>][] = [];
      const send = (what: string, answer: Promise<Answer>) => never.push([what, answer]);
      send("an anonymous mutation (refused)", post(cached, "mutation { syncWorkouts { id } }"));
      send("the admin's mutation", post(cached, 'mutation { syncWorkouts(input: { category: ["cycling"] }) { id status } }', {}, asAdmin));
      send("a run field", post(cached, "{ ingestRuns(first: 5) { totalCount edges { node { status processed } } } }"));
      send("an admin field", post(cached, "{ ingestRuns(first: 5) { edges { node { error } } } workouts(first: 1) { totalCount } }"));
      send("the catalogue's progress", post(cached, "{ catalogueStatus { classesProcessed } }"));
      send("a request with the admin's token", post(cached, Titles, { first: 2 }, asAdmin));
      send("a request with another token", post(cached, Titles, { first: 1 }, { authorization: "Bearer someone-else" }));
      send("a GET with a token", get(cached, Titles, { first: 2 }, { authorization: "Basic dXNlcjpwYXNz" }));
      send(
        "an answer with an error beside its data",
        post(cached, `{ a: workouts(first: 1) { totalCount } b: workouts(first: 1, after: "nope") { totalCount } }`),
      );
      send("a refused query", post(cached, Titles, { first: 100_000 }));
      send("introspection", post(cached, "{ __schema { queryType { name } } }"));
      const answers = await Promise.all(never.map(([, answer]) => answer));
      // the run the mutation started commits classes (new versions): over before what follows
      await runs.stop();
      expect(JSON.parse(answers[1]!.text).data.syncWorkouts.status).toBe("QUEUED");
      // Redis applies one connection's commands in order: once a cacheable answer is stored, every earlier one would have been
      await post(cached, Titles, { first: 2 });
      for (const deadline = Date.now() + 5000; (await redis.keys(`${prefix}never:*`)).length === 0 && Date.now() < deadline; ) await pause(20);
      expect(await redis.keys(`${prefix}never:*`)).toHaveLength(1);
      expect(JSON.parse(answers[2]!.text).data.ingestRuns.totalCount).toBeGreaterThan(0);
      expect(JSON.parse(answers[8]!.text).errors).toHaveLength(1);
      expect(JSON.parse(answers[9]!.text).errors).toHaveLength(1);

      // a request with Authorization is not served a stored answer either
      await retitle("changed");
      expect(titlesOf(await post(cached, Titles, { first: 2 }))).not.toContain("changed");
      expect(titlesOf(await post(cached, Titles, { first: 2 }, { authorization: "Bearer someone-else" }))).toEqual(["changed", "changed"]);
    } finally {
      await runs?.stop();
    }
  });

  it("leaves requests it cannot key (an operation name not a string, variables too deep to write) to the checks after it, never a 500", async () => {
    await catalogue(1);
    const cached = api(memoryStore(1024 * 1024));
    const deep = `${"[".repeat(100_000)}1${"]".repeat(100_000)}`;
    const bodies = [
      `{"query":"{ songs(first: 1) { totalCount } }","operationName":5}`,
      `{"query":"query Q($x: Int) { songs(first: 1) { totalCount } }","variables":{"x":${deep}}}`,
    ];
    const statuses: number[] = [];
    for (const body of bodies) {
      const response = await cached.fetch("http://localhost/graphql", { method: "POST", headers: { "content-type": "application/json" }, body });
      statuses.push(response.status);
    }
    expect(statuses.map((status) => (status >= 500 ? `${status}` : "answered"))).toEqual(["answered", "answered"]);
  });

  it("stores nothing while the catalogue has no version", async () => {
    await catalogue(2);
    // as after restoring a backup from before the version was kept
    await f.db.detailed.$executeRaw`DELETE FROM catalogue_version`;
    const cached = api(memoryStore(1024 * 1024));
    await retitle("first");
    expect(titlesOf(await post(cached, Titles, { first: 2 }))).toEqual(["first", "first"]);
    await retitle("second");
    expect(titlesOf(await post(cached, Titles, { first: 2 }))).toEqual(["second", "second"]);
  });

  it("keeps answering, uncached, while Redis fails, warns once per outage, and caches again once it is back", async () => {
    await catalogue(2);
    await retitle("one");
    const server = await startRedisServer();
    try {
      const lines: { level: number; msg: string }[] = [];
      const logger = createLogger("info", { write: (line: string) => void lines.push(JSON.parse(line)) });
      const cached = api(await redisStore(server.url, { keyPrefix: `${prefix}outage:`, logger }));
      const warnings = () => lines.filter((line) => line.level === 40).map((line) => line.msg);
      const stored = await post(cached, Titles, { first: 2 });
      await waitFor(async () => (await server.client.keys(`${prefix}outage:*`)).length === 1);
      server.client.disconnect();
      await retitle("two");
      expect((await post(cached, Titles, { first: 2 })).text).toBe(stored.text);

      // a server that stops answering (its connection stays open): the first request waits out the command's timeout, the next skip Redis; each is executed
      server.process.kill("SIGSTOP");
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const answer = await post(cached, Titles, { first: 2 });
        expect([answer.status, titlesOf(answer)]).toEqual([200, ["two", "two"]]);
        expect(performance.now() - started).toBeLessThan(5000);
      }
      expect(warnings()).toEqual([expect.stringMatching(/Redis \(REDIS_URL\) is failing: answering uncached/)]);
      server.process.kill("SIGCONT");
      // asked again a second after the failure: answering again, with the answer it holds for this version
      await waitFor(async () => {
        await post(cached, Titles, { first: 2 });
        return lines.some((line) => /answers again/.test(line.msg));
      });
      await retitle("three");
      expect(titlesOf(await post(cached, Titles, { first: 2 }))).not.toContain("three");

      // a server gone: refused at once, one more warning for this outage
      server.process.kill("SIGKILL");
      await once(server.process, "exit");
      for (let i = 0; i < 3; i++) {
        const answer = await post(cached, Titles, { first: 2 });
        expect([answer.status, titlesOf(answer)]).toEqual([200, ["three", "three"]]);
        await pause(400);
      }
      expect(warnings()).toHaveLength(2);
    } finally {
      server.process.kill("SIGKILL");
    }
  });

  it("refuses to start with a Redis it cannot reach, naming REDIS_URL and hiding its password", async () => {
    const port = await freePort();
    await expect(openResponseCache({ store: "redis", url: `redis://:hunter2@127.0.0.1:${port}`, keyPrefix: prefix })).rejects.toThrow(
      new RegExp(`^Invalid configuration:\\n {2}REDIS_URL: no Redis answers at redis://:\\*\\*\\*\\*@127.0.0.1:${port} \\(connect ECONNREFUSED`),
    );
    expect(await openResponseCache({ store: "off" })).toBeUndefined();
  });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => Promise<boolean>, ms = 10_000) {
  for (const deadline = Date.now() + ms; !(await condition()); await pause(50)) {
    if (Date.now() > deadline) throw new Error(`not so after ${ms} ms`);
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

/** A redis-server of this test's own, on a free port, keeping nothing on disk. */
async function startRedisServer(): Promise<{ process: ChildProcess; url: string; client: Redis }> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitFor(async () => /Ready to accept connections/.test(output));
  const url = `redis://127.0.0.1:${port}`;
  return { process: child, url, client: new Redis(url) };
}
