import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { removeDir } from "../../harness/simulator";
import { syncWorkouts } from "../../src/ingest/sync-workouts";
import { useIngestFixture, workoutRows } from "../support/ingest";

const f = useIngestFixture({ classes: 260, disciplines: ["cycling"] });

const archivedPages = () => f.sim.requests.filter((r) => r.path === "/api/v2/ride/archived").map((r) => Number(r.query.page));
const catalogueIds = () => f.sim.catalogue.classes.map((c) => c.id).sort();

describe("syncWorkouts", () => {
  it("lists every class on a first sync, then fetches one page when little is new", async () => {
    const first = await syncWorkouts(await f.deps());
    expect(first).toMatchObject({ stage: "SYNC_WORKOUTS", status: "SUCCEEDED", seen: 260, new: 260, total: 260 });
    expect(archivedPages()).toEqual([0, 1, 2, 3, 4, 5]);
    expect((await workoutRows(f)).map((w) => w.id)).toEqual(catalogueIds());
    const saved = await f.db.workouts.workout.findUniqueOrThrow({ where: { id: f.sim.catalogue.classes[0]!.id } });
    expect(saved).toMatchObject({ category: "cycling", discipline: "cycling", available: true, processed: false });
    expect(saved.instructorName).toEqual(expect.any(String));
    expect((saved.listEntry as { id: string }).id).toBe(saved.id);
    expect(await f.db.workouts.syncCheckpoint.findUnique({ where: { category: "cycling" } })).toMatchObject({
      walkComplete: true,
      fullPassCompletedAt: expect.any(Date),
    });

    f.sim.requests.length = 0;
    const added = f.sim.publishClasses(3, "cycling");
    const second = await syncWorkouts(await f.deps());
    expect(second).toMatchObject({ status: "SUCCEEDED", new: 3 });
    expect(archivedPages()).toEqual([0, 1]); // page 1 holds nothing new: known ground
    expect(await f.db.workouts.workout.count({ where: { id: { in: added } } })).toBe(3);
  });

  it("neither skips nor duplicates when classes appear at the top while it pages", async () => {
    f.sim.faults.beforeArchivedPage(2, () => f.sim.publishClasses(7, "cycling"));
    const run = await syncWorkouts(await f.deps());
    expect(run.status).toBe("SUCCEEDED");
    // the 7 new classes shifted later pages down: their first rows were seen twice, none missed
    expect((await workoutRows(f)).map((w) => w.id)).toEqual(catalogueIds().filter((id) => !f.sim.catalogue.classes.slice(0, 7).some((c) => c.id === id)));
    // the next sync picks up the 7 published above the page it was on
    await syncWorkouts(await f.deps());
    expect((await workoutRows(f)).map((w) => w.id)).toEqual(catalogueIds());
  });

  it("resumes past where an interrupted sync stopped instead of stopping at known classes", async () => {
    await syncWorkouts(await f.deps(), { maxPages: 2 });
    expect(await f.db.workouts.workout.count()).toBe(100);
    expect(await f.db.workouts.syncCheckpoint.findUnique({ where: { category: "cycling" } })).toMatchObject({ walkComplete: false });

    f.sim.requests.length = 0;
    const resumed = await syncWorkouts(await f.deps());
    expect(resumed).toMatchObject({ status: "SUCCEEDED", new: 160 });
    expect(archivedPages()).toEqual([0, 1, 2, 3, 4, 5]);
    expect((await workoutRows(f)).map((w) => w.id)).toEqual(catalogueIds());
  });

  it("walks every page with --full, and marks classes gone from the catalogue unavailable, not deleted", async () => {
    await syncWorkouts(await f.deps());
    const gone = f.sim.catalogue.classes[100]!.id;
    f.sim.removeClass(gone);
    f.sim.requests.length = 0;
    const run = await syncWorkouts(await f.deps(), { full: true });
    expect(run).toMatchObject({ status: "SUCCEEDED", new: 0 });
    expect(archivedPages()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await f.db.workouts.workout.findUnique({ where: { id: gone } })).toMatchObject({ available: false });
    expect(await f.db.workouts.workout.count({ where: { available: true } })).toBe(259);
  });

  it("keeps each raw page as JSON when asked", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pmc-pages-"));
    try {
      await syncWorkouts({ ...(await f.deps()), dataDir: dir }, { savePages: true, maxPages: 2 });
      expect(await readdir(path.join(dir, "workouts_list"))).toEqual(["cycling_page_0000.json", "cycling_page_0001.json"]);
    } finally {
      await removeDir(dir);
    }
  });

  it("survives 429s, 5xx answers and an expiring token with nothing lost", async () => {
    f.sim.faults.inject("archived", { status: 429, retryAfterSeconds: 0 });
    f.sim.faults.inject("archived", { status: 503 }, 2);
    const deps = await f.deps();
    await deps.peloton.me();
    f.sim.expireAccessTokensAfter(3);
    expect((await syncWorkouts(deps)).status).toBe("SUCCEEDED");
    expect((await workoutRows(f)).map((w) => w.id)).toEqual(catalogueIds());
  });

  it("ends the run FAILED with the reason when Peloton keeps failing", async () => {
    f.sim.faults.inject("archived", { status: 503 }, Infinity);
    const run = await syncWorkouts(await f.deps());
    expect(run).toMatchObject({ status: "FAILED", error: expect.stringMatching(/Peloton kept failing GET \/api\/v2\/ride\/archived \(HTTP 503\)/) });
    expect(run.finishedAt).toBeInstanceOf(Date);
  });

  it("ends the run CANCELLED when aborted, after the page in hand", async () => {
    const controller = new AbortController();
    f.sim.faults.beforeArchivedPage(1, () => controller.abort());
    const run = await syncWorkouts(await f.deps({ signal: controller.signal }));
    expect(run.status).toBe("CANCELLED");
    expect(await f.db.workouts.workout.count()).toBe(100); // pages 0 and 1 were written
  });
});
