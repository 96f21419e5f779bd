import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { useCliFixture } from "../../harness/commands";
import { buildDist, startNpm } from "./npm-run";

beforeAll(buildDist, 120_000);
const fixture = useCliFixture();

let taken: Server;
let port: number;
beforeEach(async () => {
  taken = createServer().listen(0, "127.0.0.1");
  await once(taken, "listening");
  port = (taken.address() as AddressInfo).port;
});
afterEach(() => taken.close());

const inUse = () => `Port ${port} is in use by another program: set PORT to a free one (PORT=0 picks any).\n`;

it("npm start on a taken port says so in one line, with no stack, and exits 1", async () => {
  await fixture.startSimulator({ classes: 1, disciplines: ["cycling"] });
  const start = startNpm("start", [], { ...(await fixture.scratch()).env, PORT: String(port) });
  expect(await start.exited).toEqual({ code: 1, signal: null });
  expect(start.stderr()).toBe(inUse());
});

it("npm run demo on a taken port says so before it ingests anything", async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "pmc-demo-port-"));
  try {
    const demo = startNpm("demo", ["--classes", "20"], { DATA_DIR: dataDir, PORT: String(port) });
    expect(await demo.exited).toEqual({ code: 1, signal: null });
    expect(demo.stderr()).toBe(inUse());
    expect(demo.stdout()).not.toMatch(/run #/);
    expect(existsSync(path.join(dataDir, "demo"))).toBe(false); // no database was even opened
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
