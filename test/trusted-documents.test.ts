import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ConfigError, loadConfig } from "../src/config";
import { processDetails } from "../src/ingest/process-details";
import { syncWorkouts } from "../src/ingest/sync-workouts";
import { createApi } from "../src/server";
import { loadTrustedDocuments, type TrustedDocuments, trustedDocumentsOf } from "../src/trusted-documents";
import { graphql } from "./graphql";
import { useIngestFixture } from "./support/ingest";

const f = useIngestFixture({ classes: 30, disciplines: ["cycling"] });
// the tests' own operations, as GraphQL Code Generator's client preset registers them (codegen.ts)
const manifest = path.join(__dirname, "graphql", "persisted-documents.json");
const token = "test-admin-token-0123456789";

const Classes = graphql(`query TrustedClasses($first: Int!) { workouts(first: $first) { totalCount edges { node { title } } } }`);
const Availability = graphql(`query TrustedAvailability { workouts(first: 50) { edges { node { pelotonId available pelotonUrl } } } }`);
const Runs = graphql(`query TrustedRuns { ingestRuns(first: 5) { totalCount } }`);
const hashOf = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;

let documents: TrustedDocuments;
beforeAll(async () => {
  documents = await loadTrustedDocuments([manifest]);
});

/** A catalogue of `classes` processed classes of the simulator's 30. */
async function catalogue(classes: number) {
  const deps = await f.deps();
  if ((await f.db.workouts.workout.count()) === 0) await syncWorkouts(deps, { categories: ["cycling"], full: true });
  await processDetails(deps, { batchSize: classes });
}

const getByHash = (api: ReturnType<typeof createApi>, hash: string, variables: object, headers: Record<string, string> = {}) =>
  api.fetch(`http://localhost/graphql?documentId=${encodeURIComponent(hash)}&variables=${encodeURIComponent(JSON.stringify(variables))}`, { headers });

describe("trusted documents", () => {
  it("answer a GET by hash with an ETag tied to the catalogue, 304 while it holds, and a new ETag after an ingestion commits", async () => {
    await catalogue(10);
    const api = createApi(f.db, { trustedDocuments: documents, cacheMaxAgeSeconds: 30 });
    const first = await getByHash(api, hashOf(Classes), { first: 2 });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      data: { workouts: { totalCount: 10, edges: [{ node: { title: expect.any(String) } }, { node: { title: expect.any(String) } }] } },
    });
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=30");
    expect(first.headers.get("vary")).toMatch(/Accept/);

    const again = await getByHash(api, hashOf(Classes), { first: 2 }, { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe("public, max-age=30");
    // another client's list of tags, weak or strong, holding it
    expect((await getByHash(api, hashOf(Classes), { first: 2 }, { "if-none-match": `"other", W/${etag}` })).status).toBe(304);

    await catalogue(5); // five more classes, each committed with its playlist
    const after = await getByHash(api, hashOf(Classes), { first: 2 }, { "if-none-match": etag! });
    expect(after.status).toBe(200);
    expect((await after.json()).data.workouts.totalCount).toBe(15);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(after.headers.get("etag")).toMatch(/^"[^"]+"$/);
  });

  it("are answered by POST too, without cache headers", async () => {
    await catalogue(3);
    const api = createApi(f.db, { trustedDocuments: documents });
    const response = await api.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ documentId: hashOf(Classes), variables: { first: 1 } }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data.workouts.totalCount).toBe(3);
    expect(response.headers.get("etag")).toBeNull();
  });

  it("refuse an unknown hash, saying where documents are registered", async () => {
    const api = createApi(f.db, { trustedDocuments: documents });
    const response = await getByHash(api, "sha256:0000", { first: 1 });
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      errors: [
        expect.objectContaining({
          message: expect.stringMatching(/^There is no trusted document "sha256:0000": .*TRUSTED_DOCUMENTS/),
          extensions: { code: "PERSISTED_QUERY_NOT_FOUND" },
        }),
      ],
    });
  });

  it("are not cached with the admin's token, for run progress, or with errors", async () => {
    await catalogue(3);
    const api = createApi(f.db, { trustedDocuments: documents });
    const withToken = await getByHash(api, hashOf(Classes), { first: 1 }, { authorization: `Bearer ${token}` });
    expect(withToken.status).toBe(200);
    expect([withToken.headers.get("etag"), withToken.headers.get("cache-control")]).toEqual([null, "no-store"]);

    const runs = await getByHash(api, hashOf(Runs), {});
    expect((await runs.json()).data.ingestRuns.totalCount).toBe(2);
    expect([runs.headers.get("etag"), runs.headers.get("cache-control")]).toEqual([null, "no-store"]);

    const refused = await getByHash(api, hashOf(Classes), { first: 1000 });
    expect((await refused.json()).errors).toBeDefined();
    expect([refused.headers.get("etag"), refused.headers.get("cache-control")]).toEqual([null, "no-store"]);
  });

  it("leave other documents allowed (GraphiQL's), and cached as well; or, when only trusted ones are, refuse them", async () => {
    await catalogue(2);
    const query = encodeURIComponent("{ workouts(first: 1) { totalCount } }");
    const open = createApi(f.db, { trustedDocuments: documents });
    // a GET of a document of the client's own still needs the CSRF header, as before
    expect((await open.fetch(`http://localhost/graphql?query=${query}`)).status).toBe(403);
    // naming a document id too does not spare it the header
    expect((await open.fetch(`http://localhost/graphql?query=${query}&documentId=${encodeURIComponent(hashOf(Classes))}`)).status).toBe(403);
    const arbitrary = await open.fetch(`http://localhost/graphql?query=${query}`, { headers: { "x-graphql-yoga-csrf": "1" } });
    expect(await arbitrary.json()).toEqual({ data: { workouts: { totalCount: 2 } } });
    expect(arbitrary.headers.get("etag")).toMatch(/^"/);
    // GraphiQL's page is no answer of the catalogue's: left as it was
    const page = await open.fetch("http://localhost/graphql", { headers: { accept: "text/html" } });
    expect([page.status, page.headers.get("cache-control"), page.headers.get("etag")]).toEqual([200, null, null]);

    const only = createApi(f.db, { trustedDocuments: documents, trustedDocumentsOnly: true });
    const refused = await only.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ workouts(first: 1) { totalCount } }" }),
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual([expect.objectContaining({ extensions: { code: "PERSISTED_QUERY_ONLY" } })]);
    expect((await getByHash(only, hashOf(Classes), { first: 1 })).status).toBe(200);
  });
});

describe("the catalogue's version", () => {
  /** Whether each class is available, with the answer's status and ETag. */
  async function availability(api: ReturnType<typeof createApi>, etag?: string | null) {
    const response = await getByHash(api, hashOf(Availability), {}, etag ? { "if-none-match": etag } : {});
    const classes =
      response.status === 200
        ? new Map(
            ((await response.json()).data.workouts.edges as { node: { pelotonId: string; available: boolean } }[]).map(({ node }) => [
              node.pelotonId,
              node.available,
            ]),
          )
        : undefined;
    return { status: response.status, etag: response.headers.get("etag"), cacheControl: response.headers.get("cache-control"), classes };
  }

  it("moves when a sync marks a class unavailable (the workouts database's), and not for a sync that changes nothing the API shows", async () => {
    await catalogue(30);
    const api = createApi(f.db, { trustedDocuments: documents });
    const gone = f.sim.catalogue.classes[0]!.id;
    const before = await availability(api);
    expect(before.classes!.get(gone)).toBe(true);
    expect(before.etag).toMatch(/^"[^"]+"$/);

    await syncWorkouts(await f.deps(), { categories: ["cycling"] }); // lists only classes it knows
    expect((await availability(api, before.etag)).status).toBe(304);

    f.sim.removeClass(gone);
    await syncWorkouts(await f.deps(), { categories: ["cycling"], full: true });
    const after = await availability(api, before.etag);
    expect(after.status).toBe(200);
    expect(after.classes!.get(gone)).toBe(false);
    expect(after.etag).not.toBe(before.etag);
    expect((await availability(api, after.etag)).status).toBe(304);
  });

  it("moves when a class's details answer 404, which marks it unavailable", async () => {
    await catalogue(30);
    const gone = f.sim.catalogue.classes[0]!.id;
    // asked for again by the next details run (as after a failure)
    await f.db.workouts.workout.update({ where: { id: gone }, data: { processed: false } });
    const api = createApi(f.db, { trustedDocuments: documents });
    const before = await availability(api);
    expect(before.classes!.get(gone)).toBe(true);

    f.sim.removeClass(gone);
    await processDetails(await f.deps());
    expect((await f.db.workouts.workout.findUniqueOrThrow({ where: { id: gone } })).detailsError).toMatch(/404|not found/i);
    const after = await availability(api, before.etag);
    expect(after.status).toBe(200);
    expect(after.classes!.get(gone)).toBe(false);
    expect(after.etag).not.toBe(before.etag);
  });

  it("is none before anything is ingested, nor while its table is missing (a backup restored from before it): answers are not cached", async () => {
    const api = createApi(f.db, { trustedDocuments: documents });
    const empty = await getByHash(api, hashOf(Classes), { first: 1 });
    expect(await empty.json()).toEqual({ data: { workouts: { totalCount: 0, edges: [] } } });
    expect([empty.status, empty.headers.get("etag"), empty.headers.get("cache-control")]).toEqual([200, null, "no-store"]);

    await catalogue(1);
    expect((await availability(api)).etag).toMatch(/^"/);
    const migration = await readFile(path.join(__dirname, "../prisma/detailed/migrations/20261130100000_catalogue_version/migration.sql"), "utf8");
    await f.db.detailed.$executeRawUnsafe("DROP TABLE catalogue_version");
    try {
      const restored = await availability(api);
      expect(restored).toMatchObject({ status: 200, etag: null, cacheControl: "no-store" });
      expect(restored.classes!.size).toBe(1);
    } finally {
      await f.db.detailed.$executeRawUnsafe(migration);
    }
    // the table as the migration makes it again: no row until the next class commits
    expect(await availability(api)).toMatchObject({ status: 200, etag: null, cacheControl: "no-store" });
  });
});

describe("TRUSTED_DOCUMENTS", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "trusted-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("lists manifests, read at start-up; TRUSTED_DOCUMENTS_ONLY needs one", async () => {
    const config = loadConfig({ TRUSTED_DOCUMENTS: ` ${manifest} , web/persisted-documents.json`, TRUSTED_DOCUMENTS_ONLY: "true", CACHE_MAX_AGE_SECONDS: "5" });
    expect(config).toMatchObject({
      trustedDocuments: [manifest, path.resolve("web/persisted-documents.json")],
      trustedDocumentsOnly: true,
      cacheMaxAgeSeconds: 5,
    });
    expect(() => loadConfig({ TRUSTED_DOCUMENTS_ONLY: "yes" })).toThrow(/TRUSTED_DOCUMENTS_ONLY: must be true or false/);
    expect(() => loadConfig({ CACHE_MAX_AGE_SECONDS: "-1" })).toThrow(/CACHE_MAX_AGE_SECONDS/);
    await expect(trustedDocumentsOf({ trustedDocuments: [], trustedDocumentsOnly: true })).rejects.toThrow(/TRUSTED_DOCUMENTS_ONLY=true .* lists none/);
    const { trustedDocuments } = await trustedDocumentsOf({ trustedDocuments: [manifest, manifest], trustedDocumentsOnly: false });
    expect(trustedDocuments.get(hashOf(Classes))).toBeDefined();
  });

  it("refuses a manifest it cannot use, naming the file and the document", async () => {
    const cases: [string, RegExp][] = [
      ["not json", /cannot be read as JSON/],
      ['["query { a }"]', /is not a manifest of documents by hash/],
      ['{ "h1": 3 }', /gives document h1 as number/],
      ['{ "h1": "query {" }', /holds document h1, which is not GraphQL/],
    ];
    for (const [i, [text, problem]] of cases.entries()) {
      const file = path.join(dir, `bad-${i}.json`);
      await writeFile(file, text);
      const refused = loadTrustedDocuments([file]);
      await expect(refused).rejects.toThrow(ConfigError);
      await expect(loadTrustedDocuments([file])).rejects.toThrow(new RegExp(`^TRUSTED_DOCUMENTS: ${file.replace(/[.\\/]/g, "\\$&")} .*${problem.source}`));
    }
    const one = path.join(dir, "one.json");
    const other = path.join(dir, "other.json");
    await writeFile(one, JSON.stringify({ h: "{ songs { totalCount } }" }));
    await writeFile(other, JSON.stringify({ h: "{ artists { totalCount } }" }));
    await expect(loadTrustedDocuments([one, other])).rejects.toThrow(/other\.json gives document h another text than .*one\.json does/);
    await expect(loadTrustedDocuments([path.join(dir, "missing.json")])).rejects.toThrow(/missing\.json cannot be read/);
  });
});
