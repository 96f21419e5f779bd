import { ConfigError, loadConfig } from "../src/config";
import { createApi } from "../src/server";
import { openTestDatabases, type TestDatabases } from "./support/databases";

// Which browser pages of other origins may call the API: CORS_ORIGINS, and localhost outside production.

let db: TestDatabases;
beforeAll(async () => {
  db = await openTestDatabases();
});
afterAll(() => db.dispose());

const query = JSON.stringify({ query: "{ catalogueStatus { classesListed } }" });

/** What a browser asks before a JSON POST from a page of `origin`, and then the POST itself: each answer's CORS headers. */
async function fromPage(api: ReturnType<typeof createApi>, origin: string) {
  const preflight = await api.fetch("http://api.example.com/graphql", {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type, authorization" },
  });
  const post = await api.fetch("http://api.example.com/graphql", { method: "POST", headers: { origin, "content-type": "application/json" }, body: query });
  expect(await post.json()).toEqual({ data: { catalogueStatus: { classesListed: 0 } } }); // answered either way: the browser decides who reads it
  const cors = (response: Response) => ({
    allowOrigin: response.headers.get("access-control-allow-origin"),
    allowCredentials: response.headers.get("access-control-allow-credentials"),
    varyOnOrigin: /\bOrigin\b/.test(response.headers.get("vary") ?? ""),
  });
  return { preflight: { status: preflight.status, ...cors(preflight), allowHeaders: preflight.headers.get("access-control-allow-headers") }, post: cors(post) };
}

const allowed = (origin: string) => ({
  preflight: { status: 204, allowOrigin: origin, allowCredentials: null, varyOnOrigin: true, allowHeaders: "content-type, authorization" },
  post: { allowOrigin: origin, allowCredentials: null, varyOnOrigin: true },
});
const refused = {
  preflight: { status: 204, allowOrigin: null, allowCredentials: null, varyOnOrigin: true, allowHeaders: null },
  post: { allowOrigin: null, allowCredentials: null, varyOnOrigin: true },
};

describe("CORS outside production", () => {
  const api = () => createApi(db, { corsOrigins: ["https://app.example.com"] });

  it("allows a listed origin, without credentials", async () => {
    expect(await fromPage(api(), "https://app.example.com")).toEqual(allowed("https://app.example.com"));
  });

  it("allows localhost and 127.0.0.1 on any port, over http", async () => {
    for (const origin of ["http://localhost:5173", "http://127.0.0.1:3000", "http://localhost"]) expect(await fromPage(api(), origin)).toEqual(allowed(origin));
  });

  it("refuses any other origin, lookalikes included", async () => {
    for (const origin of [
      "https://other.example.com",
      "http://app.example.com",
      "https://app.example.com.evil.example",
      "http://localhost.evil.example",
      "https://localhost:5173",
      "null",
    ]) {
      expect(await fromPage(api(), origin)).toEqual(refused);
    }
  });

  it("allows only localhost when nothing is listed", async () => {
    expect(await fromPage(createApi(db), "http://localhost:8080")).toEqual(allowed("http://localhost:8080"));
    expect(await fromPage(createApi(db), "https://app.example.com")).toEqual(refused);
  });

  it("adds nothing to a request without an Origin (same-origin GETs, curl, servers) but the Vary", async () => {
    const response = await api().fetch("http://api.example.com/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: query });
    expect([...response.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
    expect(response.headers.get("vary")).toMatch(/\bOrigin\b/);
  });
});

describe("CORS in production", () => {
  it("allows localhost only when listed", async () => {
    expect(await fromPage(createApi(db, { production: true }), "http://localhost:5173")).toEqual(refused);
    expect(await fromPage(createApi(db, { production: true, corsOrigins: ["https://app.example.com"] }), "http://127.0.0.1:5173")).toEqual(refused);
    const listed = createApi(db, { production: true, corsOrigins: ["https://app.example.com", "http://localhost:5173"] });
    expect(await fromPage(listed, "http://localhost:5173")).toEqual(allowed("http://localhost:5173"));
    expect(await fromPage(listed, "https://app.example.com")).toEqual(allowed("https://app.example.com"));
    expect(await fromPage(listed, "http://localhost:5174")).toEqual(refused);
  });
});

describe("CORS_ORIGINS", () => {
  it("is unset by default", () => {
    expect(loadConfig({}).corsOrigins).toBeUndefined();
    expect(loadConfig({ CORS_ORIGINS: " " }).corsOrigins).toBeUndefined();
  });

  it("lists origins as browsers send them: host lowercased, default port and a trailing / dropped, each once", () => {
    expect(loadConfig({ CORS_ORIGINS: "https://App.Example.com/, http://localhost:5173,https://app.example.com:443" }).corsOrigins).toEqual([
      "https://app.example.com",
      "http://localhost:5173",
    ]);
  });

  it.each([
    ["a path", "https://app.example.com/app", '"https://app.example.com/app" is not an origin'],
    ["a query", "https://app.example.com?x=1", '"https://app.example.com?x=1" is not an origin'],
    ["a user", "https://me@app.example.com", '"https://me@app.example.com" is not an origin'],
    ["no scheme", "app.example.com", '"app.example.com" is not an origin'],
    ["another scheme", "ftp://app.example.com", '"ftp://app.example.com" is not an origin'],
    ["a wildcard", "https://ok.example.com,*", '"*" is not an origin'],
    ["several bad ones", "x,https://ok.example.com,y", '"x", "y" are not origins'],
    ["no origin at all", ",", "must be a comma-separated list of http(s) origins"],
  ])("refuses %s with a ConfigError naming the variable", (_what, value, message) => {
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(`CORS_ORIGINS: ${message}`);
  });
});
