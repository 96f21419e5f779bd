import { existsSync } from "node:fs";
import path from "node:path";
import { useCliFixture } from "../../harness/commands";
import { withDatabases } from "../../harness/databases";
import { waitFor } from "../../harness/processes";
import type { Simulator } from "../../src/simulator";
import { buildDist, ctrlC, startNpm } from "./npm-run";
import { ingestRuns } from "./support";

const detailsRequests = (sim: Simulator) => sim.requests.filter((request) => /^\/api\/ride\/[^/]+\/details$/.test(request.path)).length;

beforeAll(buildDist, 120_000);
const fixture = useCliFixture();

it("one Ctrl-C under npm run details ends the run CANCELLED, releases the lock and exits 130, every time", async () => {
  const sim = await fixture.startSimulator({ classes: 200, disciplines: ["cycling"] });
  const db = await fixture.scratch();
  expect(await startNpm("sync", [], db.env).exited).toEqual({ code: 0, signal: null });
  sim.faults.inject("details", { delayMs: 100 }, Infinity); // slow enough to be caught mid-run

  const rounds = 5;
  for (let round = 0; round < rounds; round++) {
    const before = detailsRequests(sim);
    const details = startNpm("details", ["--batch-size", "0"], db.env);
    let ended = false;
    void details.exited.then(() => (ended = true));
    await waitFor("a class done and the next asked for", () => detailsRequests(sim) >= before + 2 || ended);
    ctrlC(details);
    expect(await details.exited).toEqual({ code: 130, signal: null });
    expect(details.stdout()).toMatch(/^Details run #\d+ CANCELLED in [\d.]+s: \d+ of \d+ classes processed, 0 failed\.$/m);
    expect(details.stderr()).not.toContain("Stopped at once");
    expect(existsSync(path.join(db.dataDir, "catalogue.lock"))).toBe(false);
  }

  sim.faults.clear();
  const last = startNpm("details", ["--batch-size", "0"], db.env);
  expect(await last.exited).toEqual({ code: 0, signal: null });
  await withDatabases(db.config, async (databases) => {
    // a run left RUNNING by a process that died would have been taken over as FAILED
    expect((await ingestRuns(databases)).map((run) => run.status)).toEqual(["SUCCEEDED", ...Array(rounds).fill("CANCELLED"), "SUCCEEDED"]);
    expect(await databases.workouts.workout.count({ where: { processed: false } })).toBe(0);
  });
}, 300_000);
