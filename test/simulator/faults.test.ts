import { type Simulator, startSimulator } from "../../src/simulator";
import { call, postJson, signIn, WEB_CLIENT_ID, withSimulator } from "./support";

let sim: Simulator;
let token: string;
let classId: string;
beforeEach(async () => {
  sim = await startSimulator({ seed: 9, classes: 25 });
  token = (await signIn(sim)).access_token;
  classId = sim.catalogue.classes[0]!.id;
});
afterEach(() => sim.close());

const archived = () => call(sim, "/api/v2/ride/archived?limit=5&page=0", { token });
const details = () => call(sim, `/api/ride/${classId}/details`, { token });

describe("status faults", () => {
  it("429 with Peloton's error body, and Retry-After when asked for", async () => {
    sim.faults.inject("archived", { status: 429, retryAfterSeconds: 7 });
    sim.faults.inject("archived", { status: 429 });
    const first = await archived();
    expect(first).toMatchObject({ status: 429, body: { status: 429, error_code: 4290, subcode: null, details: null } });
    expect(first.headers.get("retry-after")).toBe("7");
    const second = await archived();
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBeNull();
    expect((await archived()).status).toBe(200);
  });

  it("500 and 503 as Peloton JSON, 502 and 504 as Cloudflare HTML", async () => {
    for (const status of [500, 503] as const) {
      sim.faults.inject("details", { status });
      expect(await details()).toMatchObject({ status, body: { status, error_code: status * 10, subcode: null, details: null } });
    }
    for (const status of [502, 504] as const) {
      sim.faults.inject("details", { status });
      const answer = await details();
      expect(answer.status).toBe(status);
      expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
      expect(answer.headers.get("server")).toBe("cloudflare");
      expect(answer.text).toContain(`<title>${status} `);
    }
  });

  it("404 for a class that exists", async () => {
    sim.faults.inject("details", { status: 404 });
    expect(await details()).toMatchObject({ status: 404, body: { status: 404, error_code: 4040 } });
    expect((await details()).status).toBe(200);
  });
});

describe("body faults", () => {
  it("blankBody: 200, JSON content type, nothing in it", async () => {
    sim.faults.inject("details", { blankBody: true });
    const answer = await details();
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.text).toBe("");
  });

  it("malformedJson: 200 with the start of the normal JSON", async () => {
    sim.faults.inject("archived", { malformedJson: true });
    const answer = await archived();
    expect(answer.status).toBe(200);
    expect(answer.text.startsWith('{"data":[')).toBe(true);
    expect(() => JSON.parse(answer.text)).toThrow();
    expect((await archived()).body.data).toHaveLength(5);
  });

  it("transform: the normal body passed through a function", async () => {
    sim.faults.inject("details", { transform: (body) => ({ ...body, ride: { ...body.ride, duration: "thirty minutes" } }) });
    const answer = await details();
    expect(answer.status).toBe(200);
    expect(answer.body.ride.duration).toBe("thirty minutes");
    expect(answer.body.ride.id).toBe(classId);
  });

  it("delayMs: the normal answer, late", async () => {
    sim.faults.inject("me", { delayMs: 150 });
    const started = performance.now();
    const answer = await call(sim, "/api/me", { token });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(answer).toMatchObject({ status: 200, body: { id: sim.userId } });
  });
});

describe("fault routing", () => {
  it("hits only the route named, `times` times, first in first out", async () => {
    sim.faults.inject("details", { status: 500 }, 2);
    sim.faults.inject("details", { status: 503 });
    expect((await archived()).status).toBe(200);
    expect((await call(sim, "/api/me", { token })).status).toBe(200);
    expect([(await details()).status, (await details()).status, (await details()).status, (await details()).status]).toEqual([500, 500, 503, 200]);
  });

  it("covers the token endpoint and the instructor route, and `any` covers every request", async () => {
    const session = await signIn(sim);
    sim.faults.inject("token", { status: 503 });
    const refresh = () => postJson(sim, "/oauth/token", { grant_type: "refresh_token", client_id: WEB_CLIENT_ID, refresh_token: session.refresh_token });
    expect((await refresh()).status).toBe(503);
    expect((await refresh()).status).toBe(200); // the faulted request did not use the refresh token up

    sim.faults.inject("instructor", { status: 502 });
    expect((await call(sim, `/api/instructor/${sim.catalogue.instructors[0]!.id}`, { token })).status).toBe(502);

    sim.faults.inject("any", { status: 500 }, 2);
    expect((await call(sim, "/authorize")).status).toBe(500);
    expect((await call(sim, "/api/browse_categories", { token })).status).toBe(500);
    expect((await call(sim, "/api/browse_categories", { token })).status).toBe(200);
  });

  it("clear() drops pending faults and page hooks", async () => {
    let ran = false;
    sim.faults.inject("archived", { status: 500 }, 5);
    sim.faults.beforeArchivedPage(0, () => (ran = true));
    sim.faults.clear();
    expect((await archived()).status).toBe(200);
    expect(ran).toBe(false);
  });
});

describe("requests", () => {
  it("records every request in order, after answering, with its status", async () => {
    sim.requests.length = 0;
    const before = Date.now();
    await archived();
    await call(sim, "/api/me", { headers: { Cookie: "peloton_session_id=nope" } });
    await call(sim, "/nowhere");
    expect(sim.requests).toEqual([
      {
        method: "GET",
        path: "/api/v2/ride/archived",
        query: { limit: "5", page: "0" },
        at: expect.any(Number),
        status: 200,
        authorization: `Bearer ${token}`,
        userAgent: "node",
      },
      { method: "GET", path: "/api/me", query: {}, at: expect.any(Number), status: 401, cookie: "peloton_session_id=nope", userAgent: "node" },
      { method: "GET", path: "/nowhere", query: {}, at: expect.any(Number), status: 404, userAgent: "node" },
    ]);
    expect(sim.requests[0]!.at).toBeGreaterThanOrEqual(before);
    expect(sim.requests[2]!.at).toBeGreaterThanOrEqual(sim.requests[1]!.at);
  });

  it("answers an unknown route with Peloton's 404 body", async () => {
    expect(await call(sim, "/api/v3/unknown", { token })).toMatchObject({ status: 404, body: { status: 404, error_code: 4040, message: "Not Found" } });
  });

  it("adds latencyMs to every response", async () => {
    await withSimulator({ classes: 5, latencyMs: 80 }, async (slow) => {
      const started = performance.now();
      await call(slow, "/api/me");
      expect(performance.now() - started).toBeGreaterThanOrEqual(70);
    });
  });

  it("closes promptly even with a request still waiting on a delay", async () => {
    sim.faults.inject("me", { delayMs: 60_000 });
    const pending = call(sim, "/api/me", { token }).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await sim.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(String(await pending)).toMatch(/fetch failed/); // the client sees the connection drop
  });
});
