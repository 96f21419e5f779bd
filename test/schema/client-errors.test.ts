import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { testBackend } from "../../harness/databases";
import { createLogger } from "../../src/log";
import { clientKey } from "../../src/rate-limit";
import { createApi } from "../../src/server";
import { openTestDatabases, type TestDatabases } from "../support/databases";

// What clients are told, and what the log keeps, when a request fails or is refused.

const onPostgres = testBackend === "postgres" ? describe : describe.skip;

let db: TestDatabases;
const servers: Server[] = [];
beforeAll(async () => {
  db = await openTestDatabases();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await db.dispose();
});

async function post(api: ReturnType<typeof createApi>, query: string, variables: Record<string, unknown> = {}) {
  const response = await api.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), ...body };
}

describe("in production, errors suggest no names", () => {
  const cases = [
    {
      what: "an input object variable's misspelled field",
      query: "query ($f: WorkoutFilter) { workouts(first: 1, filter: $f) { totalCount } }",
      variables: { f: { artsit: "x" } },
    },
    {
      what: "an enum variable's misspelled value",
      query: "query ($o: WorkoutOrder) { workouts(first: 1, orderBy: $o) { totalCount } }",
      variables: { o: "AIRED_AS" },
    },
    { what: "an enum literal's misspelled value", query: "{ workouts(first: 1, orderBy: AIRED_AS) { totalCount } }", variables: {} },
    { what: "a misspelled argument", query: "{ workouts(frist: 1) { totalCount } }", variables: {} },
  ];

  it.each(cases)("$what", async ({ query, variables }) => {
    const development = await post(createApi(db), query, variables);
    expect(development.errors!.map((error) => error.message)).toContainEqual(expect.stringMatching(/Did you mean/));
    const production = await post(createApi(db, { production: true }), query, variables);
    expect(production.errors!.length).toBeGreaterThan(0);
    for (const { message } of production.errors!) expect(message).not.toMatch(/Did you mean|AIRED_ASC|"artist"|"first"/);
  });
});

describe("the log", () => {
  it("keeps a client's mistakes at debug level without a stack, and what nobody expected at error level with it", async () => {
    const lines: { level: number; msg?: string; err?: { stack?: string }; code?: string }[] = [];
    const logger = createLogger("debug", { write: (line: string) => void lines.push(JSON.parse(line)) });
    const api = createApi(db, { logger });

    const cursor = await post(api, `{ workouts(first: 1, after: "${"x".repeat(200_000)}") { totalCount } }`);
    expect(cursor.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })]);
    const nul = await post(api, "query ($id: ID!) { workout(id: $id) { id } }", { id: "a\u0000b" });
    expect(nul.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })]);
    expect(lines.filter((line) => line.level > 20)).toEqual([]);
    for (const line of lines) expect(JSON.stringify(line)).not.toMatch(/\n\s+at |"stack"/);
    for (const line of lines) expect(JSON.stringify(line).length).toBeLessThan(2_000);

    // a table gone from under the server: its fault, not the client's
    await db.detailed.$executeRawUnsafe(`ALTER TABLE instructors RENAME TO instructors_gone`);
    try {
      const broken = await post(api, "{ instructors(first: 1) { totalCount } }");
      expect(broken.errors![0]!.message).toBe("Unexpected error.");
      const errors = lines.filter((line) => line.level === 50);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.err?.stack).toMatch(/\n\s+at /);
    } finally {
      await db.detailed.$executeRawUnsafe(`ALTER TABLE instructors_gone RENAME TO instructors`);
    }
  });
});

/** Sends a query over HTTP from the given local address (any of 127.0.0.0/8 reaches the loopback server). */
function postFrom(url: string, localAddress: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ query: "{ catalogueStatus { songs } }" });
  return new Promise<{ status: number; retryAfter?: string; body: any }>((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: "POST", localAddress, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, retryAfter: res.headers["retry-after"] as string | undefined, body: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("the rate limit", () => {
  it("answers 429 RATE_LIMITED with Retry-After once an address has made its requests for the minute, counting by the connection's address alone", async () => {
    const token = "rate-limit-admin-token-0123456789";
    const runs = {
      start: async () => {
        throw new Error("not in this test");
      },
      stop: async () => undefined,
    };
    const lines: { level: number; msg?: string; stack?: unknown }[] = [];
    const logger = createLogger("debug", { write: (line: string) => void lines.push(JSON.parse(line)) });
    const server = createServer(createApi(db, { rateLimitPerMinute: 3, admin: { token, runs }, logger }));
    servers.push(server);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

    for (let i = 0; i < 3; i++) expect((await postFrom(url, "127.0.0.1")).status).toBe(200);
    const refused = await postFrom(url, "127.0.0.1", { "x-forwarded-for": "203.0.113.9" });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body.errors).toEqual([
      {
        message: expect.stringMatching(/^Too many requests from this address \(more than 3 a minute\); try again in \d+ s\.$/),
        extensions: { code: "RATE_LIMITED" },
      },
    ]);
    // another address has its own allowance; the admin has none to spend
    expect((await postFrom(url, "127.0.0.2")).status).toBe(200);
    expect((await postFrom(url, "127.0.0.1", { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await postFrom(url, "127.0.0.1", { authorization: "Bearer not-the-token" })).status).toBe(429);
    // logged for whoever looks into it, at debug level
    const refusals = lines.filter((line) => /rate limit/.test(line.msg ?? ""));
    expect(refusals.map((line) => line.level)).toEqual([20, 20]);
    expect(lines.filter((line) => line.level > 20)).toEqual([]);
  });

  it("counts an IPv4 client by its address (mapped or not) and an IPv6 one by its /64 network", () => {
    expect(["10.1.2.3", "::ffff:10.1.2.3"].map(clientKey)).toEqual(["10.1.2.3", "10.1.2.3"]);
    expect(["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::9", "2001:db8:1:3::9"].map(clientKey)).toEqual([
      "2001:db8:1:2::/64",
      "2001:db8:1:2::/64",
      "2001:db8:1:3::/64",
    ]);
  });

  it("is off unless asked for", async () => {
    const api = createApi(db);
    for (let i = 0; i < 20; i++) expect((await post(api, "{ catalogueStatus { songs } }")).status).toBe(200);
  });
});

onPostgres("a pool with no connection free", () => {
  it("answers 503 SERVER_BUSY with Retry-After, not DATABASE_UNAVAILABLE", async () => {
    // every connection of the detailed database's pool held by a transaction that waits
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let begun = 0;
    const holders = Array.from({ length: 10 }, () =>
      db.detailed.$transaction(
        async (tx) => {
          await tx.$queryRawUnsafe("SELECT 1");
          begun++;
          await held;
        },
        { maxWait: 60_000, timeout: 60_000 },
      ),
    );
    try {
      while (begun < 10) await new Promise((resolve) => setTimeout(resolve, 20));
      const busy = await post(createApi(db, { requestTimeoutMs: 60_000 }), "{ instructors(first: 1) { totalCount } }");
      expect(busy.status).toBe(503);
      expect(busy.retryAfter).toMatch(/^\d+$/);
      expect(busy.errors).toEqual([expect.objectContaining({ extensions: { code: "SERVER_BUSY" } })]);
    } finally {
      release();
      await Promise.all(holders);
    }
  }, 30_000);
});
