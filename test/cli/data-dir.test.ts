import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { type CliCommand, cliEnv } from "../../harness/commands";
import { projectRoot, waitFor } from "../../harness/processes";
import { startSimulator } from "../../src/simulator";
import { buildDist, ctrlC, startNpm } from "./npm-run";

beforeAll(buildDist, 120_000);

let dir: string;
beforeEach(async () => (dir = await mkdtemp(path.join(os.tmpdir(), "pmc-data-dir-"))));
afterEach(() => rm(dir, { recursive: true, force: true }));

const commands: CliCommand[] = ["start", "sync", "details", "demo", "backup", "backups", "restore", "migrate"];

it.each(commands)("npm run %s takes --data-dir", async (command) => {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(projectRoot, "dist/cli", `${command}.js`), "--data-dir", dir, "--help"]);
  expect(stdout).toMatch(/^Usage: npm/);
});

it("--data-dir wins over DATA_DIR: the databases and the session are written there", async () => {
  const sim = await startSimulator({ classes: 5, disciplines: ["cycling"] });
  try {
    const [chosen, unused] = [path.join(dir, "chosen"), path.join(dir, "unused")];
    const sync = startNpm("sync", ["--data-dir", chosen], cliEnv(sim, { kind: "embedded", dataDir: unused }, unused));
    expect(await sync.exited).toEqual({ code: 0, signal: null });
    expect(sync.stdout()).toMatch(/Sync run #1 SUCCEEDED/);
    for (const file of ["workouts", "detailed", "session.json"]) expect(existsSync(path.join(chosen, file))).toBe(true);
    expect(existsSync(unused)).toBe(false);
  } finally {
    await sim.close();
  }
}, 120_000);

it("after the demo, the command it prints serves the demo's catalogue", async () => {
  const demo = startNpm("demo", ["--classes", "20", "--data-dir", dir], { PORT: "0" });
  await waitFor("the demo to serve", () => demo.stdout().includes("Ctrl-C stops the demo."), 180_000);
  ctrlC(demo);
  expect(await demo.exited).toEqual({ code: 0, signal: null });
  const demoDir = path.join(dir, "demo");
  expect(demo.stdout()).toContain(`Its catalogue stays in ${demoDir}: \`npm start -- --data-dir ${demoDir}\` serves it again.\n`);

  const start = startNpm("start", ["--data-dir", demoDir], { PORT: "0", LOG_LEVEL: "warn" });
  await waitFor("the API to listen", () => /GraphQL API on \S+/.test(start.stdout()) || start.stderr() !== "", 60_000);
  const url = /GraphQL API on (\S+)/.exec(start.stdout())?.[1];
  expect(start.stderr()).toBe("");
  const response = await fetch(url!, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ catalogueStatus { classesListed } }" }),
  });
  expect(await response.json()).toEqual({ data: { catalogueStatus: { classesListed: 20 } } });
  ctrlC(start);
  expect(await start.exited).toEqual({ code: 0, signal: null });
}, 300_000);
