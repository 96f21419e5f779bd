import { getIntrospectionQuery } from "graphql";
import { ingestFromSimulator } from "../../harness/simulator";
import { createApi, maxBodyBytes, queryLimits } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

// Deliberately hostile or invalid operations: plain strings, which codegen does not type.

let sim: Simulator;
let db: TestDatabases;
let api: ReturnType<typeof createApi>;
let production: ReturnType<typeof createApi>;

beforeAll(async () => {
  [sim, db] = await Promise.all([startSimulator({ classes: 60, disciplines: ["cycling"] }), openTestDatabases()]);
  await ingestFromSimulator(db, sim);
  api = createApi(db);
  production = createApi(db, { production: true });
});
afterAll(() => Promise.all([sim.close(), db.dispose()]));

// the GraphQL-over-HTTP media type, under which a refused operation is a 4xx, not a 200
const post = (server: ReturnType<typeof createApi>, query: string) =>
  server.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query }),
  });

/** A song, the classes that played it, their songs, their classes... `levels` times (5 deeper each), one of each. */
function nested(levels: number): string {
  let selection = "id";
  for (let i = 0; i < levels; i++) selection = `workouts(first: 1) { edges { node { playlist { song { ${selection} } } } } }`;
  return `{ songs(first: 1) { edges { node { ${selection} } } } }`;
}

describe("operation limits", () => {
  it("refuses an over-deep query before running it, saying so", async () => {
    expect((await execute(api, nested(1))).errors).toBeUndefined(); // depth 9
    const response = await post(api, nested(2)); // depth 14
    expect(response.status).toBe(400);
    const { data, errors } = await response.json();
    expect(data).toBeUndefined();
    expect(errors.map((error: { message: string }) => error.message)).toContainEqual(
      expect.stringMatching(new RegExp(`depth of \\d+ exceeds max depth of ${queryLimits.depth}`)),
    );
  });

  it("refuses an over-costly query (pages within pages) before running it, each time it is sent", async () => {
    for (let i = 0; i < 2; i++) {
      const { data, errors } = await execute(
        api,
        `{ workouts(first: 100) { edges { node { playlist { song { workouts(first: 100) { edges { node { id: pelotonId title } } } } } } } } }`,
      );
      expect(data).toBeUndefined();
      expect(errors![0]!.message).toMatch(new RegExp(`complexity of \\d+ exceeds max complexity of ${queryLimits.complexity}`));
    }
  });

  it("judges the operation a request names, whichever of the document's operations was judged before", async () => {
    const document = `query Small { workouts(first: 1) { edges { node { id: pelotonId } } } }
      query Large { workouts(first: 100) { edges { node { playlist { song { workouts(first: 100) { edges { node { id: pelotonId } } } } } } } } }`;
    const send = (operationName: string) =>
      api.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query: document, operationName }),
      });
    for (const [operationName, status] of [
      ["Small", 200],
      ["Large", 400],
      ["Small", 200],
      ["Large", 400],
    ] as const) {
      expect({ operationName, status: (await send(operationName)).status }).toEqual({ operationName, status });
    }
  });

  it("judges each request by its own variables, whatever the same document was sent with before", async () => {
    const query = `query ($first: Int, $inner: Int) { workouts(first: $first) { edges { node { playlist { song { workouts(first: $inner) { edges { node { id: pelotonId } } } } } } } } }`;
    const send = (variables: Record<string, unknown>) =>
      api.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query, variables }),
      });
    const refused = await send({ first: "many", inner: 1 });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors[0].message).toMatch(/got invalid value "many"/);
    const small = await send({ first: 1, inner: 1 });
    expect(small.status).toBe(200);
    expect((await small.json()).errors).toBeUndefined();
    const large = await send({ first: 100, inner: 100 });
    expect(large.status).toBe(400);
    expect((await large.json()).errors[0].message).toMatch(new RegExp(`exceeds max complexity of ${queryLimits.complexity}`));
    // the costs kept per document and variables: each verdict still the request's own
    for (const [variables, status] of [
      [{ first: 1, inner: 1 }, 200],
      [{ first: 100, inner: 100 }, 400],
      [{ inner: 100, first: 1 }, 200],
      [{ first: 100, inner: 100 }, 400],
    ] as const) {
      expect({ variables, status: (await send(variables)).status }).toEqual({ variables, status });
    }
  });

  it("accepts a full page of classes with their playlists", async () => {
    const { data, errors } = await execute(
      api,
      `{ workouts(first: 100) { edges { node { id: pelotonId instructor { name } playlist { position song { title artistNames albumName artists { name } } } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect((data as { workouts: { edges: unknown[] } }).workouts.edges).toHaveLength(60);
  });

  it("refuses too many aliases and too many tokens", async () => {
    const aliases = Array.from({ length: queryLimits.aliases + 1 }, (_, i) => `a${i}: catalogueStatus { songs }`).join(" ");
    expect((await execute(api, `{ ${aliases} }`)).errors![0]!.message).toMatch(/aliases/i);
    expect((await post(api, `{ ${aliases} }`)).status).toBe(400);
    const tokens = `{ catalogueStatus { ${"songs ".repeat(queryLimits.tokens)} } }`;
    expect((await execute(api, tokens)).errors![0]!.message).toMatch(/token limit/i);
  });

  it("refuses a page larger than 100 rather than quietly shortening it", async () => {
    const { data, errors } = await execute(api, `{ workouts(first: 101) { totalCount } }`);
    expect(data).toBeUndefined();
    expect(errors).toEqual([expect.objectContaining({ message: "first: must be at most 100", extensions: { code: "BAD_USER_INPUT" } })]);
  });

  it("stops an operation that runs longer than the timeout", async () => {
    const impatient = createApi(db, { requestTimeoutMs: 1 });
    const { errors } = await execute(
      impatient,
      `{ catalogueStatus { songs } workouts(first: 100) { edges { node { playlist { song { artists { name } } } } } } }`,
    );
    expect(errors).toEqual([expect.objectContaining({ message: "The operation took longer than 1 ms and was stopped", extensions: { code: "TIMEOUT" } })]);
  });

  it("refuses a body over the size limit, or one sent without its length, before reading it", async () => {
    const body = JSON.stringify({ query: `{ catalogueStatus { songs } } #${"x".repeat(maxBodyBytes)}` });
    // a new object each time: the Request sets the Content-Length it computes into the one it is given
    const headers = () => ({ "content-type": "application/json", accept: "application/graphql-response+json" });
    const tooLarge = await api.fetch("http://localhost/graphql", { method: "POST", headers: headers(), body });
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).errors).toEqual([expect.objectContaining({ extensions: { code: "REQUEST_ENTITY_TOO_LARGE" } })]);
    // a streamed body has no Content-Length
    const streamed = new ReadableStream({
      start: (controller) => {
        controller.enqueue(new TextEncoder().encode(body));
        controller.close();
      },
    });
    const unsized = await api.fetch("http://localhost/graphql", { method: "POST", headers: headers(), body: streamed, duplex: "half" } as RequestInit);
    expect(unsized.status).toBe(411);
    const lying = await api.fetch("http://localhost/graphql", { method: "POST", headers: { ...headers(), "content-length": "12, 12" }, body: "{}" });
    expect(lying.status).toBe(400);
    expect((await post(api, "{ catalogueStatus { songs } }")).status).toBe(200);
  });

  it("refuses a cross-site simple request (CSRF) but serves one with the header", async () => {
    const url = `http://localhost/graphql?query=${encodeURIComponent("{ catalogueStatus { songs } }")}`;
    expect((await api.fetch(url, { headers: { accept: "application/json" } })).status).toBe(403);
    expect((await api.fetch(url, { headers: { accept: "application/json", "x-graphql-yoga-csrf": "1" } })).status).toBe(200);
    const form = await api.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ catalogueStatus { songs } }" }),
    });
    expect(form.status).toBe(403);
  });
});

describe("development and production", () => {
  it("serves GraphiQL and introspection in development, with field suggestions", async () => {
    const page = await api.fetch("http://localhost/graphql", { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/graphiql/i);
    const { errors } = await execute(api, getIntrospectionQuery()); // what GraphiQL sends: within the limits
    expect(errors).toBeUndefined();
    const typo = (await execute(api, `{ workouts { totalCont } }`)).errors!.map((error) => error.message);
    expect(typo).toContainEqual(expect.stringMatching(/Did you mean "totalCount"\?/));
  });

  it("in production: no GraphiQL, no introspection, no field suggestions", async () => {
    const page = await production.fetch("http://localhost/graphql", { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
    const introspection = await execute(production, `{ __schema { types { name } } }`);
    expect(introspection.data).toBeUndefined();
    expect(introspection.errors![0]!.message).toMatch(/introspection/i);
    const typo = (await execute(production, `{ workouts { totalCont } }`)).errors!;
    expect(typo.length).toBeGreaterThan(0);
    for (const { message } of typo) expect(message).not.toMatch(/Did you mean/);
    const { data } = await execute(production, `{ catalogueStatus { classesProcessed } }`);
    expect(data).toEqual({ catalogueStatus: { classesProcessed: 60 } });
  });
});
