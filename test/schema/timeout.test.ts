import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { scaleFor, seedCatalogue } from "../../bench/seed";
import { scratchDatabases, testBackend } from "../../harness/databases";
import { waitFor } from "../../harness/processes";
import type { DatabaseConfig } from "../../src/config";
import { type Databases, openDatabases } from "../../src/db";
import { createApi } from "../../src/server";

// What stops when an operation times out or its client hangs up: its SQL, on both databases.

const onPostgres = testBackend === "postgres" ? describe : describe.skip;

/** Within the limits, and 30 statements: a page of instructors and their count, 15 times over. */
const heavy = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: instructors(first: 5) { totalCount edges { node { name } } }`).join(" ")} }`;

let config: DatabaseConfig;
let databases: Databases;
let removeDatabases: () => Promise<void>;
let statements = 0;
let fullRun: number;
const servers: Server[] = [];

beforeAll(async () => {
  const scratch = await scratchDatabases();
  ({ config, remove: removeDatabases } = scratch);
  await seedCatalogue(config, scaleFor(1000));
  databases = await openDatabases(config, { onQuery: (database) => database === "detailed" && statements++ });
  statements = 0;
  const { errors } = await post(createApi(databases), heavy);
  expect(errors).toBeUndefined();
  fullRun = statements;
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await databases?.close();
  await removeDatabases?.();
});

async function post(api: ReturnType<typeof createApi>, query: string) {
  const response = await api.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function listen(api: ReturnType<typeof createApi>): Promise<string> {
  const server = createServer(api);
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The detailed database's statements that wait for a lock: the API's, held up by the test's lock. */
async function waitingOnLock(): Promise<number> {
  if (config.kind !== "postgres") throw new Error("PostgreSQL only");
  // a session of its own: inside the lock's transaction, pg_stat_activity would keep showing its first look
  const monitor = new pg.Client({ connectionString: config.detailedUrl });
  await monitor.connect();
  const { rows } = await monitor.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
  );
  await monitor.end();
  return rows[0].n;
}

/** A session on the detailed database holding a lock that makes the API's reads of instructors wait. */
async function lockInstructors(): Promise<{ release(): Promise<void> }> {
  if (config.kind !== "postgres") throw new Error("PostgreSQL only");
  const admin = new pg.Client({ connectionString: config.detailedUrl });
  await admin.connect();
  await admin.query("BEGIN");
  await admin.query("LOCK TABLE instructors IN ACCESS EXCLUSIVE MODE");
  return {
    async release() {
      await admin.query("ROLLBACK");
      await admin.end();
    },
  };
}

describe("an operation stopped by the timeout", () => {
  it("answers TIMEOUT once none of its statements runs, and none runs after", async () => {
    statements = 0;
    const { errors } = await post(createApi(databases, { requestTimeoutMs: 1 }), heavy);
    expect(errors).toEqual([expect.objectContaining({ extensions: { code: "TIMEOUT" } })]);
    const answered = statements;
    await pause(500);
    expect({ answered, later: statements }).toEqual({ answered, later: answered });
    expect(answered).toBeLessThan(fullRun);
  });
});

/** as heavy, with a field that fails where null is not allowed: the execution ends, and the answer goes, while the rest still resolves */
const failingEarly = `{ ${Array.from({ length: 14 }, (_, i) => `a${i}: instructors(first: 5) { totalCount edges { node { name } } }`).join(" ")} z: ingestRuns(first: 1, after: "not a cursor") { totalCount } }`;

describe("an operation answered before all its fields resolved", () => {
  it("runs none of its statements after the answer", async () => {
    statements = 0;
    const { data, errors } = await post(createApi(databases), failingEarly);
    expect({ data, code: errors?.[0]?.extensions?.code }).toEqual({ data: null, code: "BAD_USER_INPUT" });
    const answered = statements;
    await pause(500);
    expect({ answered, later: statements }).toEqual({ answered, later: answered });
  });
});

const postJson = (url: string, query: string, signal?: AbortSignal) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }), signal }).then(async (response) => {
    const { errors } = (await response.json()) as { errors?: unknown[] };
    expect(errors).toBeUndefined();
  });

describe("an operation whose client hangs up", () => {
  it("runs none of its statements after the server sees the client gone, while others run on", async () => {
    const url = await listen(createApi(databases));
    statements = 0;
    const client = new AbortController();
    const others = Array.from({ length: 4 }, () => postJson(url, heavy));
    postJson(url, heavy, client.signal).catch(() => undefined);
    await waitFor("the first statement", () => statements > 0);
    client.abort();
    await Promise.all(others);
    await pause(500);
    expect(statements).toBeLessThan(5 * fullRun);
  });
});

describe("while heavy operations run", () => {
  it("answers one that needs no database, and another client's small one, before they are all done", async () => {
    const url = await listen(createApi(databases));
    const finished: string[] = [];
    const send = (name: string, query: string) => postJson(url, query).then(() => finished.push(name));
    statements = 0;
    const heavies = Array.from({ length: 8 }, () => send("heavy", heavy));
    await waitFor("the heavy operations' first statement", () => statements > 0);
    await Promise.all([send("typename", "{ __typename }"), send("small", "{ instructors(first: 1) { edges { node { name } } } }"), ...heavies]);
    // embedded, the statements take turns: the small ones are done before any heavy one; on PostgreSQL
    // they wait for a pooled connection behind the heavy ones' first statements, but not for all of them
    const beforeAnyHeavy = finished.slice(0, finished.indexOf("heavy"));
    if (config.kind === "embedded") expect(beforeAnyHeavy.sort()).toEqual(["small", "typename"]);
    else expect(finished.at(-1)).toBe("heavy");
  });
});

onPostgres("on PostgreSQL, a statement running when the operation stops", () => {
  it("is cancelled when the timeout fires, before the answer", async () => {
    const lock = await lockInstructors();
    try {
      const answer = post(createApi(databases, { requestTimeoutMs: 300 }), heavy);
      await waitFor("the API's statements to wait for the lock", async () => (await waitingOnLock()) > 0);
      const { errors } = await answer;
      expect(errors).toEqual([expect.objectContaining({ extensions: { code: "TIMEOUT" } })]);
      expect(await waitingOnLock()).toBe(0);
    } finally {
      await lock.release();
    }
  });

  it("is cancelled when the operation is answered early", async () => {
    const lock = await lockInstructors();
    try {
      const { data } = await post(createApi(databases), failingEarly);
      expect(data).toBeNull();
      expect(await waitingOnLock()).toBe(0);
    } finally {
      await lock.release();
    }
  });

  it("is cancelled when the client hangs up", async () => {
    const url = await listen(createApi(databases));
    const lock = await lockInstructors();
    try {
      const client = new AbortController();
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: heavy }), signal: client.signal }).catch(
        () => undefined,
      );
      await waitFor("the API's statements to wait for the lock", async () => (await waitingOnLock()) > 0);
      client.abort();
      await waitFor("the API's statements to be cancelled", async () => (await waitingOnLock()) === 0);
    } finally {
      await lock.release();
    }
  });
});
