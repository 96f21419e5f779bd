import { once } from "node:events";
import { createServer } from "node:http";
import { type AddressInfo, connect } from "node:net";
import os from "node:os";
import { useCliFixture } from "../../harness/commands";
import { withDatabases } from "../../harness/databases";
import { waitForOutput } from "../../harness/processes";
import { ingestRuns } from "./support";

const fixture = useCliFixture();
const token = "cli-admin-token-0123456789";

/** Starts `npm start` on a free port and answers its GraphQL URL once it listens. */
async function startServer(env: Record<string, string>) {
  const db = await fixture.scratch();
  const cli = fixture.start("start", db, [], { PORT: "0", ...env });
  const url = await waitForOutput(cli, /GraphQL API on (\S+)/, "the server to listen");
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string }[] };
  };
  return { db, cli, url, post };
}

describe("npm start", () => {
  it("serves the API over HTTP, runs both stages from its mutations, and on SIGTERM stops the run in progress cleanly", async () => {
    const sim = await fixture.startSimulator({ classes: 100, disciplines: ["cycling"] });
    sim.faults.inject("details", { delayMs: 100 }, Infinity); // slow enough to be caught mid-run
    const { db, cli, post } = await startServer({ ADMIN_TOKEN: token });
    expect(cli.stdout()).not.toMatch(/Mutations are off/);

    const sync = await post(`mutation { syncWorkouts { id status } }`);
    expect(sync.data.syncWorkouts.status).toBe("QUEUED");
    const poll = (id: string) => post(`query ($id: ID!) { ingestRun(id: $id) { status processed } }`, { id });
    let status = "";
    for (const deadline = Date.now() + 30_000; status !== "SUCCEEDED" && Date.now() < deadline; ) {
      status = (await poll(sync.data.syncWorkouts.id)).data.ingestRun.status;
      if (status === "FAILED") throw new Error("the sync failed");
    }
    expect(status).toBe("SUCCEEDED");

    const details = await post(`mutation { processDetails(input: { batchSize: 0 }) { id } }`);
    const id = details.data.processDetails.id;
    for (let processed = 0; processed === 0; ) processed = (await poll(id)).data.ingestRun.processed;

    cli.child.kill("SIGTERM");
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    await withDatabases(db.config, async (databases) => {
      const runs = await ingestRuns(databases);
      expect(runs.map((run) => [run.stage, run.status])).toEqual([
        ["SYNC_WORKOUTS", "SUCCEEDED"],
        ["PROCESS_DETAILS", "CANCELLED"],
      ]);
      expect(runs[1]!.processed).toBeGreaterThan(0);
      expect(runs[1]!.processed).toBeLessThan(100);
      expect(await databases.workouts.workout.count({ where: { processed: true } })).toBe(runs[1]!.processed);
    });
  });

  it("says mutations are off without ADMIN_TOKEN, and refuses them saying how to turn them on", async () => {
    await fixture.startSimulator({ classes: 10, disciplines: ["cycling"] });
    const { cli, post } = await startServer({});
    expect(cli.stdout()).toMatch(/Mutations are off: set ADMIN_TOKEN/);
    const { errors } = await post(`mutation { syncWorkouts { id } }`);
    expect(errors![0]!.message).toMatch(/set ADMIN_TOKEN/);
    expect((await post(`{ catalogueStatus { classesListed } }`)).data).toEqual({ catalogueStatus: { classesListed: 0 } });
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });
});

/** Whether something accepts TCP connections on that address and port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

// this machine's first address that is not loopback, if it has one
const outward = Object.values(os.networkInterfaces())
  .flat()
  .find((address) => address && address.family === "IPv4" && !address.internal)?.address;

describe("npm start's address", () => {
  it("is the loopback by default, which the banner calls localhost", async () => {
    await fixture.startSimulator({ classes: 1, disciplines: ["cycling"] });
    const { cli, url, post } = await startServer({});
    const port = Number(new URL(url).port);
    expect(url).toBe(`http://localhost:${port}/graphql`);
    expect((await post(`{ catalogueStatus { classesListed } }`)).data).toEqual({ catalogueStatus: { classesListed: 0 } });
    expect(await accepts("127.0.0.1", port)).toBe(true);
    if (outward) expect(await accepts(outward, port)).toBe(false);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });

  it("is HOST when set, named in the banner", async () => {
    await fixture.startSimulator({ classes: 1, disciplines: ["cycling"] });
    const { cli, url, post } = await startServer({ HOST: "127.0.0.2" });
    const port = Number(new URL(url).port);
    expect(url).toBe(`http://127.0.0.2:${port}/graphql`);
    expect((await post(`{ catalogueStatus { classesListed } }`)).data).toEqual({ catalogueStatus: { classesListed: 0 } });
    expect(await accepts("127.0.0.1", port)).toBe(false);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });

  it("is every interface with HOST=0.0.0.0, as in a container", async () => {
    await fixture.startSimulator({ classes: 1, disciplines: ["cycling"] });
    const { cli, url } = await startServer({ HOST: "0.0.0.0" });
    const port = Number(new URL(url).port);
    expect(url).toBe(`http://localhost:${port}/graphql`);
    expect(await accepts("127.0.0.1", port)).toBe(true);
    if (outward) expect(await accepts(outward, port)).toBe(true);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });

  it("lets the pages of CORS_ORIGINS call it from a browser, and no other origin", async () => {
    await fixture.startSimulator({ classes: 1, disciplines: ["cycling"] });
    const { cli, url } = await startServer({ CORS_ORIGINS: "https://app.example.com" });
    const preflight = (origin: string) =>
      fetch(url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    expect((await preflight("https://app.example.com")).headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect((await preflight("https://elsewhere.example.com")).headers.get("access-control-allow-origin")).toBeNull();
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });

  it("is refused in one line when this machine has no such address", async () => {
    await fixture.startSimulator({ classes: 1, disciplines: ["cycling"] });
    const db = await fixture.scratch();
    const cli = fixture.start("start", db, [], { PORT: "0", HOST: "203.0.113.7" });
    expect(await cli.exited).toEqual({ code: 1, signal: null });
    expect(cli.stderr().trim()).toBe(
      "Invalid configuration:\n  HOST: no network interface of this machine has the address 203.0.113.7 (use 127.0.0.1, 0.0.0.0 or ::)",
    );
  });

  it("is refused in one line when its port is taken", async () => {
    await fixture.startSimulator({ classes: 1, disciplines: ["cycling"] });
    const taken = createServer().listen(0, "127.0.0.1");
    await once(taken, "listening");
    try {
      const { port } = taken.address() as AddressInfo;
      const cli = fixture.start("start", await fixture.scratch(), [], { PORT: String(port) });
      expect(await cli.exited).toEqual({ code: 1, signal: null });
      expect(cli.stderr().trim()).toBe(`Port ${port} is in use by another program: set PORT to a free one (PORT=0 picks any).`);
    } finally {
      taken.close();
    }
  });
});
