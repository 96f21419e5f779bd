import { rm } from "node:fs/promises";
import path from "node:path";
import { useCliFixture } from "../../harness/commands";
import { withDatabases } from "../../harness/databases";
import { waitFor } from "../../harness/processes";
import { relayedWithinMs } from "../../src/cli/stop-signals";
import type { Simulator } from "../../src/simulator";
import { ingestRuns } from "./support";

const logins = (sim: Simulator) => sim.requests.filter((r) => r.path === "/oauth/token").length;
const detailsRequests = (sim: Simulator) => sim.requests.filter((r) => /^\/api\/ride\/[^/]+\/details$/.test(r.path));

describe("npm run details", () => {
  const fixture = useCliFixture();
  const details = fixture.start.bind(null, "details");

  it("stops after the class in flight on SIGINT, at once on a second SIGINT, and the next run does the rest", async () => {
    const sim = await fixture.startSimulator({ classes: 40, disciplines: ["cycling"] });
    const db = await fixture.scratch();
    expect(await fixture.start("sync", db).exited).toEqual({ code: 0, signal: null });

    // one SIGINT, mid-run: the run ends CANCELLED with the classes done so far processed
    sim.faults.inject("details", { delayMs: 100 }, Infinity);
    const interrupted = details(db, ["--batch-size", "0"]);
    await waitFor("5 classes done", () => detailsRequests(sim).length >= 5 || interrupted.child.exitCode !== null);
    interrupted.child.kill("SIGINT");
    expect(await interrupted.exited).toEqual({ code: 130, signal: null });
    expect(interrupted.stderr()).toContain("details: stopping after the current class (press Ctrl-C again to stop at once)\n");
    const summary =
      /^Details run #\d+ CANCELLED in [\d.]+s: (\d+) of 40 classes processed, 0 failed\.\nThe next run takes the (\d+) classes this one did not reach\.\n$/;
    const [done, left] = summary.exec(interrupted.stdout())!.slice(1).map(Number) as [number, number];
    expect(done + left).toBe(40);
    expect(done).toBeGreaterThanOrEqual(5);
    expect(done).toBe(detailsRequests(sim).length); // the class in flight was finished, not dropped
    await withDatabases(db.config, async (databases) => {
      expect((await ingestRuns(databases)).at(-1)).toMatchObject({ stage: "PROCESS_DETAILS", status: "CANCELLED", processed: done });
      expect(await databases.workouts.workout.count({ where: { processed: true } })).toBe(done);
      expect(await databases.detailed.detailedWorkout.count()).toBe(done);
    });

    // two SIGINTs: the second exits without waiting for the class in flight, which hangs
    sim.faults.clear();
    sim.faults.inject("details", { delayMs: 60_000 }, 1);
    await rm(path.join(db.dataDir, "session.json")); // so that a login shows the run is about to start
    const before = logins(sim);
    const stopped = details(db, ["--batch-size", "0"]);
    await waitFor("the run to log in", () => logins(sim) > before || stopped.child.exitCode !== null);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the run is recorded, its first class in flight (and hanging)
    stopped.child.kill("SIGINT");
    await waitFor("the first SIGINT to be taken", () => stopped.stderr().includes("stopping after the current class") || stopped.child.exitCode !== null);
    await new Promise((resolve) => setTimeout(resolve, relayedWithinMs + 100)); // a second Ctrl-C, not npm relaying the first
    const secondAt = Date.now();
    stopped.child.kill("SIGINT");
    expect(await stopped.exited).toEqual({ code: 130, signal: null });
    expect(Date.now() - secondAt).toBeLessThan(5000);
    expect(stopped.stderr()).toContain("Stopped at once (SIGINT).");
    expect(stopped.stdout()).toBe("");

    // the next run takes over the run (and, on the embedded databases, the lock) left behind, and finishes
    const resumed = details(db, ["--batch-size", "0"]);
    expect(await resumed.exited).toEqual({ code: 0, signal: null });
    expect(resumed.stdout()).toMatch(new RegExp(`^Details run #\\d+ SUCCEEDED in [\\d.]+s: ${left} of ${left} classes processed, 0 failed\\.\\n$`));
    await withDatabases(db.config, async ({ workouts, detailed }) => {
      const runs = await workouts.ingestRun.findMany({ orderBy: { id: "asc" } });
      expect(runs.map((run) => run.status)).toEqual(["SUCCEEDED", "CANCELLED", "FAILED", "SUCCEEDED"]);
      expect(runs[2]!.error).toMatch(new RegExp(`^abandoned: its process \\(pid ${stopped.child.pid} on .+\\) is gone$`));
      expect(await workouts.workout.count({ where: { processed: false } })).toBe(0);
      expect(await detailed.detailedWorkout.count()).toBe(40);
      expect(await detailed.playlistEntry.count()).toBe(sim.catalogue.classes.reduce((n, c) => n + c.songIds.length, 0));
    });
    const asked = detailsRequests(sim).map((r) => r.path); // answered requests: the hung one never was
    expect(asked).toHaveLength(40);
    expect(new Set(asked).size).toBe(40);
  });
});
