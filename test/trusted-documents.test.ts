import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { catalogueVersion } from "../src/catalogue-version";
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
  it("changes with each class's commit, and only then", async () => {
    const before = await catalogueVersion(f.db.detailed);
    expect(await catalogueVersion(f.db.detailed)).toBe(before);
    await catalogue(1);
    const one = await catalogueVersion(f.db.detailed);
    expect(one).not.toBe(before);
    await f.db.workouts.workout.updateMany({ data: { title: "renamed in the list only" } });
    expect(await catalogueVersion(f.db.detailed)).toBe(one);
    await catalogue(1);
    expect(await catalogueVersion(f.db.detailed)).not.toBe(one);
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
