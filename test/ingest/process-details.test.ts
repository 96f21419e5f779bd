import pino from "pino";
import { removeDir, simulatorConfig, testClient } from "../../harness/simulator";
import { processDetails } from "../../src/ingest/process-details";
import { saveClassDetails } from "../../src/ingest/save-class";
import { syncWorkouts } from "../../src/ingest/sync-workouts";
import { openTestDatabases } from "../support/databases";
import { type IngestFixture, useIngestFixture } from "../support/ingest";

const f = useIngestFixture({ classes: 120, disciplines: ["cycling"] });

const synced = async () => {
  expect((await syncWorkouts(await f.deps())).status).toBe("SUCCEEDED");
};
/** Everything the detailed database holds about playlists, without timestamps. */
const catalogueSnapshot = async ({ db }: IngestFixture) => ({
  workouts: await db.detailed.detailedWorkout.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
  songs: await db.detailed.song.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
  artists: await db.detailed.artist.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
  credits: await db.detailed.songArtist.findMany({ orderBy: [{ songId: "asc" }, { position: "asc" }] }),
  entries: await db.detailed.playlistEntry.findMany({ orderBy: [{ workoutId: "asc" }, { position: "asc" }] }),
});
const playlistOf = async (id: string) =>
  (await f.db.detailed.playlistEntry.findMany({ where: { workoutId: id }, orderBy: { position: "asc" } })).map((e) => e.songId);

describe("processDetails", () => {
  it("writes every class, song and artist of the catalogue exactly once, in class order", async () => {
    await synced();
    const run = await processDetails(await f.deps(), { batchSize: 0 });
    expect(run).toMatchObject({ stage: "PROCESS_DETAILS", status: "SUCCEEDED", seen: 120, processed: 120, failed: 0, total: 120 });

    const { classes, songCount, artistCount } = f.sim.catalogue;
    expect(await f.db.detailed.detailedWorkout.count()).toBe(classes.length);
    expect(await f.db.detailed.song.count()).toBe(songCount);
    expect(await f.db.detailed.artist.count()).toBe(artistCount);
    expect(await f.db.detailed.playlistEntry.count()).toBe(classes.reduce((n, c) => n + c.songIds.length, 0));
    for (const c of classes.slice(0, 10)) expect(await playlistOf(c.id)).toEqual(c.songIds);
    expect(await f.db.workouts.workout.count({ where: { processed: true, processedAt: { not: null } } })).toBe(120);
  });

  it("takes a batch of the oldest unprocessed classes per run", async () => {
    await synced();
    expect(await processDetails(await f.deps())).toMatchObject({ processed: 100, total: 100 });
    const oldest = [...f.sim.catalogue.classes].reverse();
    expect(await f.db.workouts.workout.count({ where: { processed: true, id: { in: oldest.slice(0, 100).map((c) => c.id) } } })).toBe(100);
    expect(await processDetails(await f.deps(), { batchSize: 15 })).toMatchObject({ processed: 15 });
    expect(await processDetails(await f.deps())).toMatchObject({ processed: 5 });
    expect(await processDetails(await f.deps())).toMatchObject({ status: "SUCCEEDED", processed: 0, total: 0 });
  });

  it("reprocesses with --force to the same result, never a duplicate song", async () => {
    await synced();
    await processDetails(await f.deps(), { batchSize: 0 });
    const before = await catalogueSnapshot(f);
    const ids = f.sim.catalogue.classes
      .filter((c) => c.songIds.length > 0)
      .slice(0, 2)
      .map((c) => c.id);
    expect(await processDetails(await f.deps(), { force: true, ids })).toMatchObject({ status: "SUCCEEDED", processed: 2 });
    expect(await catalogueSnapshot(f)).toEqual(before);
    // as the original scripts' --force: every class, not a batch of 100
    expect(await processDetails(await f.deps(), { force: true })).toMatchObject({ processed: 120, total: 120 });
    expect(await catalogueSnapshot(f)).toEqual(before);
  });

  it("recovers a crash between the two databases' writes", async () => {
    await synced();
    const victim = f.sim.catalogue.classes.find((c) => c.songIds.length > 3)!;
    // what a crash after the detailed write and before the workouts write leaves behind
    const deps = await f.deps();
    await saveClassDetails(f.db.detailed, await deps.peloton.rideDetails(victim.id));
    expect(await f.db.workouts.workout.findUnique({ where: { id: victim.id } })).toMatchObject({ processed: false });

    expect(await processDetails(deps, { batchSize: 0 })).toMatchObject({ status: "SUCCEEDED", processed: 120 });
    expect(await playlistOf(victim.id)).toEqual(victim.songIds);
    expect(await f.db.detailed.song.count()).toBe(f.sim.catalogue.songCount);
    expect(await f.db.workouts.workout.findUnique({ where: { id: victim.id } })).toMatchObject({ processed: true });
  });

  it("records a failing class with its reason, carries on, and retries it up to the limit", async () => {
    await synced();
    const [removed, broken] = [...f.sim.catalogue.classes].reverse().filter((c) => c.songIds.length > 0);
    f.sim.removeClass(removed!.id);
    const corrupt = (body: any) => {
      if (body.ride?.id === broken!.id) body.playlist.songs[0].id = null; // 404 bodies pass through here too
      return body;
    };
    f.sim.faults.inject("details", { transform: corrupt }, Infinity);

    const run = await processDetails(await f.deps(), { batchSize: 0, retryAfterMs: 0 });
    expect(run).toMatchObject({ status: "SUCCEEDED", processed: 118, failed: 2 });
    expect(await f.db.workouts.workout.findUnique({ where: { id: removed!.id } })).toMatchObject({
      processed: false,
      available: false,
      detailsAttempts: 1,
      detailsError: expect.stringMatching(/404/),
    });
    expect(await f.db.workouts.workout.findUnique({ where: { id: broken!.id } })).toMatchObject({
      processed: false,
      detailsAttempts: 1,
      detailsError: expect.stringMatching(new RegExp(`class ${broken!.id} \\(GET /api/ride/${broken!.id}/details\\): playlist\\.songs\\.0\\.id`)),
    });
    expect(await f.db.detailed.detailedWorkout.findUnique({ where: { id: broken!.id } })).toBeNull();

    // retried by the next runs (the removed class is unavailable now), until the limit
    expect(await processDetails(await f.deps(), { maxAttempts: 3, retryAfterMs: 0 })).toMatchObject({ seen: 1, failed: 1 });
    expect(await processDetails(await f.deps(), { maxAttempts: 3, retryAfterMs: 0 })).toMatchObject({ seen: 1, failed: 1 });
    expect(await processDetails(await f.deps(), { maxAttempts: 3, retryAfterMs: 0 })).toMatchObject({ seen: 0 });
    // once Peloton answers properly, asking for it by id brings it in
    f.sim.faults.clear();
    expect(await processDetails(await f.deps(), { ids: [broken!.id] })).toMatchObject({ processed: 1, failed: 0 });
    expect(await f.db.workouts.workout.findUnique({ where: { id: broken!.id } })).toMatchObject({ processed: true, detailsError: null });
  });

  it("loses nothing to 429s, 5xx answers and an expiring token, four classes at a time", async () => {
    await synced();
    const deps = await f.deps();
    await deps.peloton.me();
    f.sim.faults.inject("details", { status: 429, retryAfterSeconds: 0 }, 3);
    f.sim.faults.inject("details", { status: 502 }, 3);
    f.sim.faults.inject("details", { blankBody: true }, 2);
    f.sim.expireAccessTokensAfter(40);
    const run = await processDetails(deps, { batchSize: 0, concurrency: 4 });
    expect(run).toMatchObject({ status: "SUCCEEDED", processed: 120, failed: 0 });
    expect(await f.db.detailed.song.count()).toBe(f.sim.catalogue.songCount);
    expect(await f.db.detailed.playlistEntry.count()).toBe(f.sim.catalogue.classes.reduce((n, c) => n + c.songIds.length, 0));
  });

  it("saves classes that share songs and artists eight at a time without a deadlock, run after run", async () => {
    await synced();
    const warnings: string[] = [];
    const logger = pino({ level: "warn" }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });
    for (const force of [false, true, true]) {
      expect(await processDetails(await f.deps({ logger }), { batchSize: 0, concurrency: 8, force })).toMatchObject({
        status: "SUCCEEDED",
        processed: 120,
        failed: 0,
      });
    }
    expect(warnings).toEqual([]);
    expect(await f.db.detailed.song.count()).toBe(f.sim.catalogue.songCount);
    expect(await f.db.detailed.artist.count()).toBe(f.sim.catalogue.artistCount);
  });

  it("stops FAILED, with what to do, when Peloton refuses the session for good", async () => {
    await synced();
    const loggedIn = await f.deps();
    await loggedIn.peloton.me();
    const accessToken = f.sim.requests.at(-1)!.authorization!.slice("Bearer ".length);
    // a client with only a pasted access token, which then expires: nothing can renew it
    const pasted = await testClient(simulatorConfig(f.sim, { username: undefined, password: undefined, accessToken }));
    f.sim.expireAccessTokensAfter(5);
    const run = await processDetails({ ...loggedIn, peloton: pasted.client }, { batchSize: 0 });
    await removeDir(pasted.dataDir);
    expect(run).toMatchObject({ status: "FAILED", processed: 5, error: expect.stringMatching(/Paste a new PELOTON_REFRESH_TOKEN/) });
  });

  it("stops FAILED when Peloton keeps failing, without holding it against the classes", async () => {
    await synced();
    f.sim.faults.inject("details", { status: 503 }, Infinity);
    const run = await processDetails(await f.deps(), { batchSize: 0 });
    expect(run).toMatchObject({
      status: "FAILED",
      processed: 0,
      failed: 5,
      error: expect.stringMatching(
        /^Peloton failed 5 classes in a row \(last: Peloton kept failing GET .* \(HTTP 503\); gave up after 4 attempts\.\); stopping/,
      ),
    });
    expect(await f.db.workouts.workout.count({ where: { detailsError: { contains: "HTTP 503" } } })).toBe(5);
    expect(await f.db.workouts.workout.count({ where: { detailsAttempts: { gt: 0 } } })).toBe(0);
    f.sim.faults.clear();
    expect(await processDetails(await f.deps(), { batchSize: 0 })).toMatchObject({ status: "SUCCEEDED", processed: 120 });
  });

  it("stops FAILED when its own database fails, without counting it against the class", async () => {
    await synced();
    const broken = await openTestDatabases();
    await broken.dispose(); // a detailed database that is gone
    const run = await processDetails({ ...(await f.deps()), detailed: broken.detailed }, { batchSize: 0 });
    const oldest = f.sim.catalogue.classes.at(-1)!.id;
    expect(run).toMatchObject({ status: "FAILED", processed: 0, failed: 0, error: expect.stringMatching(new RegExp(`^Saving class ${oldest} failed: `)) });
    expect(await f.db.workouts.workout.findUnique({ where: { id: oldest } })).toMatchObject({ processed: false, detailsAttempts: 0, detailsError: null });
  });

  it("stops FAILED, blaming no class, when its database answers but fails for a reason that is not the class's data", async () => {
    await synced();
    // a table gone (a migration not applied, say): every class would fail the same way
    await f.db.detailed.$executeRawUnsafe(`ALTER TABLE song_artists RENAME TO song_artists_elsewhere`);
    try {
      const run = await processDetails(await f.deps(), { batchSize: 0 });
      // (a class without music touches no credits, so the first may be stored)
      expect(run).toMatchObject({ status: "FAILED", failed: 0, error: expect.stringMatching(/^Saving class \w+ failed: /) });
      expect(run.processed).toBeLessThan(3);
      expect(await f.db.workouts.workout.count({ where: { OR: [{ detailsAttempts: { gt: 0 } }, { detailsError: { not: null } }] } })).toBe(0);
    } finally {
      await f.db.detailed.$executeRawUnsafe(`ALTER TABLE song_artists_elsewhere RENAME TO song_artists`);
    }
    expect(await processDetails(await f.deps(), { batchSize: 0 })).toMatchObject({ status: "SUCCEEDED" });
    expect(await f.db.workouts.workout.count({ where: { processed: true } })).toBe(120);
  });

  it("ends CANCELLED when aborted, after the class in hand; the next run does the rest", async () => {
    await synced();
    const controller = new AbortController();
    const deps = await f.deps({
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 7) controller.abort();
      },
    });
    expect(await processDetails(deps, { batchSize: 0 })).toMatchObject({ status: "CANCELLED", processed: 7 });
    expect(await f.db.workouts.workout.count({ where: { processed: true } })).toBe(7);
    expect(await processDetails(await f.deps(), { batchSize: 0 })).toMatchObject({ status: "SUCCEEDED", processed: 113 });
  });

  it("records no run without a Peloton session, and says what to set", async () => {
    await synced();
    const runsBefore = await f.db.workouts.ingestRun.count();
    const anonymous = await testClient(simulatorConfig(f.sim, { username: undefined, password: undefined }));
    await expect(processDetails({ ...(await f.deps()), peloton: anonymous.client })).rejects.toThrow(/set PELOTON_USERNAME and PELOTON_PASSWORD/);
    await expect(syncWorkouts({ ...(await f.deps()), peloton: anonymous.client })).rejects.toThrow(/set PELOTON_USERNAME and PELOTON_PASSWORD/);
    await removeDir(anonymous.dataDir);
    expect(await f.db.workouts.ingestRun.count()).toBe(runsBefore);
  });

  it("rejects options that make no sense", async () => {
    await expect(processDetails(await f.deps(), { concurrency: 0 })).rejects.toThrow("concurrency: must be a whole number from 1 to 16");
    await expect(processDetails(await f.deps(), { batchSize: -1, concurrency: 1.5 })).rejects.toThrow(
      "batchSize: must be a whole number of at least 0; concurrency: must be a whole number from 1 to 16",
    );
    await expect(processDetails(await f.deps(), { ids: ["a1"], batchSize: 5 })).rejects.toThrow("batchSize: does not apply with ids");
    expect(await f.db.workouts.ingestRun.count()).toBe(0);
  });

  it("records the batch a run takes: every class when forced, unless told how many", async () => {
    await synced();
    const run = await processDetails(await f.deps(), { force: true, concurrency: 4 });
    expect(run.options).toMatchObject({ force: true, batchSize: 0, concurrency: 4 });
    expect((await processDetails(await f.deps())).options).toMatchObject({ force: false, batchSize: 100 });
  });
});
