import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { type ApiServer, startApi } from "../harness/api";
import { startCli } from "../harness/commands";
import { databaseEnv, scratchDatabases, withDatabases } from "../harness/databases";
import { ingestFromSimulator } from "../harness/simulator";
import type { DatabaseConfig } from "../src/config";
import { startSimulator } from "../src/simulator";

// npm start with REDIS_URL, as deployed: two API processes share their answers through Redis (127.0.0.1:6379,
// under a key prefix of this file's own, removed after), and one whose Redis cannot be reached does not start.

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `pmc-test-${process.pid}-${Date.now()}:`;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const Titles = "query SharedTitles { workouts(first: 3) { edges { node { pelotonId title } } } }";

async function titles(api: ApiServer, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: Titles }),
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** Every class retitled, with no ingestion commit: the catalogue's version (and so the cache's key) stays. */
const retitle = (config: DatabaseConfig) =>
  withDatabases(config, (db) => db.detailed.$executeRaw`UPDATE detailed_workouts SET title = 'Retitled behind the cache'`);

describe("the response cache in Redis", () => {
  it("is shared by two API processes: the second answers what the first stored", async () => {
    const sim = await startSimulator({ classes: 5, disciplines: ["cycling"] });
    cleanups.push(() => sim.close());
    const { config, remove } = await scratchDatabases();
    cleanups.push(remove);
    await withDatabases(config, (db) => ingestFromSimulator(db, sim));
    // PGlite serves one process per directory: the second reads a copy, of the same version (postgres: the same databases)
    let second = config;
    if (config.kind === "embedded") {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "pmc-test-"));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      await cp(config.dataDir, dataDir, { recursive: true });
      second = { kind: "embedded", dataDir };
      await retitle(second);
    }
    const env = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix };
    const [one, two] = await Promise.all([startApi(config, { env }), startApi(second, { env })]);
    cleanups.push(() => Promise.all([one.stop(), two.stop()]));
    const redis = new Redis(redisUrl);
    cleanups.push(async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    });

    const first = await titles(one);
    expect(first).not.toMatch(/Retitled/);
    for (const deadline = Date.now() + 5000; (await redis.keys(`${prefix}*`)).length === 0 && Date.now() < deadline; )
      await new Promise((r) => setTimeout(r, 20));
    expect(await redis.keys(`${prefix}*`)).toHaveLength(1);
    if (config.kind === "postgres") await retitle(config);

    expect(await titles(two)).toBe(first);
    // the second's own database says otherwise, as a request that skips the cache shows
    expect(await titles(two, { authorization: "Bearer anyone" })).toMatch(/Retitled behind the cache/);
  });

  it("stops npm start, naming REDIS_URL, when Redis cannot be reached", async () => {
    const { config, remove } = await scratchDatabases();
    cleanups.push(remove);
    const cli = startCli("start", [], { ...databaseEnv(config), PORT: "0", REDIS_URL: "redis://127.0.0.1:1" });
    cleanups.push(() => cli.stop());
    const { code } = await cli.exited;
    expect(code).not.toBe(0);
    expect(cli.stderr()).toMatch(/REDIS_URL: no Redis answers at redis:\/\/127\.0\.0\.1:1 \(connect ECONNREFUSED 127\.0\.0\.1:1\)/);
    expect(cli.stdout()).not.toMatch(/GraphQL API on/);
  });
});
