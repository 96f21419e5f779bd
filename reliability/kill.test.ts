import { setTimeout as sleep } from "node:timers/promises";
import { useCliFixture } from "../harness/commands";
import { withDatabases } from "../harness/databases";
import { waitFor } from "../harness/processes";
import type { DatabaseConfig } from "../src/config";
import type { Simulator } from "../src/simulator";
import { seededRandom } from "../src/simulator/random";

const SEED = Number(process.env.RELIABILITY_SEED ?? 20260101);
const KILLS = 5;
const CLASSES = 150;

const detailsAnswered = (sim: Simulator) => sim.requests.filter((r) => /^\/api\/ride\/[^/]+\/details$/.test(r.path)).length;
const timestamps = { createdAt: true, updatedAt: true } as const;

/** Everything both stages wrote, less run bookkeeping and timestamps, in a stable order. */
const catalogueContents = (database: DatabaseConfig) =>
  withDatabases(database, async ({ workouts, detailed }) => ({
    workouts: await workouts.workout.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        title: true,
        category: true,
        categories: true,
        available: true,
        processed: true,
        detailsAttempts: true,
        detailsError: true,
        instructorId: true,
        instructorName: true,
        difficulty: true,
        length: true,
      },
    }),
    instructors: await detailed.instructor.findMany({ orderBy: { id: "asc" }, omit: timestamps }),
    detailedWorkouts: await detailed.detailedWorkout.findMany({ orderBy: { id: "asc" }, omit: timestamps }),
    songs: await detailed.song.findMany({ orderBy: { id: "asc" }, omit: timestamps }),
    albums: await detailed.album.findMany({ orderBy: { id: "asc" } }),
    artists: await detailed.artist.findMany({ orderBy: { id: "asc" }, omit: timestamps }),
    songArtists: await detailed.songArtist.findMany({ orderBy: [{ songId: "asc" }, { position: "asc" }] }),
    playlistEntries: await detailed.playlistEntry.findMany({ orderBy: [{ workoutId: "asc" }, { position: "asc" }] }),
  }));

describe(`processDetails killed with SIGKILL (seed ${SEED}, RELIABILITY_SEED to change it)`, () => {
  const fixture = useCliFixture();

  it(`killed at random points ${KILLS} times in a row, then completed, leaves both databases as an uninterrupted run does`, async () => {
    const sim = await fixture.startSimulator({ classes: CLASSES, seed: SEED });
    const [uninterrupted, killed] = [await fixture.scratch(), await fixture.scratch()];
    for (const db of [uninterrupted, killed]) expect(await fixture.start("sync", db, ["--category", "all"]).exited).toEqual({ code: 0, signal: null });
    expect(await fixture.start("details", uninterrupted, ["--batch-size", "0"]).exited).toEqual({ code: 0, signal: null });

    // slow enough that a kill lands mid-run: while a class is fetched, or while it is written
    sim.faults.inject("details", { delayMs: 20 }, Infinity);
    const random = seededRandom("sigkill", SEED);
    const killPoints: string[] = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      const answered = detailsAnswered(sim);
      const run = fixture.start("details", killed, ["--batch-size", "0"]);
      // sometimes early (starting up, opening and migrating the databases, claiming the run), mostly mid-run
      let when: string;
      if (random.chance(0.3)) {
        const ms = random.int(100, 2500);
        await sleep(ms);
        when = `${ms} ms after it started`;
      } else {
        const [classes, ms] = [random.int(1, 12), random.int(0, 40)];
        await waitFor(`${classes} classes fetched`, () => detailsAnswered(sim) >= answered + classes || run.child.exitCode !== null, 60_000);
        await sleep(ms);
        when = `${ms} ms after class ${classes} was fetched`;
      }
      run.child.kill("SIGKILL");
      killPoints.push(`${when} (${detailsAnswered(sim) - answered} fetched)`);
      expect(await run.exited).toEqual({ code: null, signal: "SIGKILL" }); // killed, not finished
    }
    process.stdout.write(`SIGKILL (seed ${SEED}): ${killPoints.join("; ")}\n`);
    const completed = fixture.start("details", killed, ["--batch-size", "0"]);
    expect(await completed.exited).toEqual({ code: 0, signal: null });

    const expected = await catalogueContents(uninterrupted.config);
    const actual = await catalogueContents(killed.config);
    expect(expected.workouts.filter((workout) => workout.processed)).toHaveLength(CLASSES);
    expect(expected.playlistEntries.length).toBeGreaterThan(CLASSES);
    // table by table, so that a difference names its table
    for (const table of Object.keys(expected) as (keyof typeof expected)[]) expect({ table, rows: actual[table] }).toEqual({ table, rows: expected[table] });
  });
});
