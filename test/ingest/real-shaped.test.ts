import { processDetails } from "../../src/ingest/process-details";
import { syncWorkouts } from "../../src/ingest/sync-workouts";
import { useIngestFixture } from "../support/ingest";

// Both stages against a simulator that answers as today's Peloton does, drifting from answer to
// answer across the forms real captures show, with browse categories that overlap and a few classes
// that cannot be read: every class that has data is ingested, the rest are recorded with reasons,
// and no class stops a run.

const categories = {
  cycling: ["cycling"],
  bootcamp: ["bike_bootcamp", "tread_bootcamp"],
  bike_bootcamp: ["bike_bootcamp"],
  strength: ["strength"],
};
const f = useIngestFixture({ classes: 160, seed: 11, drift: true, categories });

/** Every class's playlist, songs with their credits and albums: what drift must not change. */
const catalogue = async () => ({
  entries: await f.db.detailed.playlistEntry.findMany({ orderBy: [{ workoutId: "asc" }, { position: "asc" }], select: { workoutId: true, songId: true } }),
  songs: await f.db.detailed.song.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, artistNames: true, albumId: true } }),
  credits: await f.db.detailed.songArtist.findMany({ orderBy: [{ songId: "asc" }, { position: "asc" }] }),
  albums: await f.db.detailed.album.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true } }),
  workouts: await f.db.detailed.detailedWorkout.findMany({ orderBy: { id: "asc" }, select: { id: true, title: true, instructorId: true } }),
});

describe("ingestion against today's Peloton, drifting", () => {
  it("ingests every class with data across overlapping categories, records the rest, and stops on none", async () => {
    const { classes } = f.sim.catalogue;
    const listing = f.sim.catalogue.categories;
    // one list entry without an id, one details answer with a song that has none
    const [unlisted, unreadable] = [classes[20]!, classes.find((c, i) => i > 40 && c.songIds.length > 0)!];
    f.sim.alterClass(unlisted.id, { listEntry: ({ id: _, ...ride }) => ride });
    f.sim.alterClass(unreadable.id, {
      details: (body) => {
        body.playlist.songs[0].id = "";
        return body;
      },
    });

    const sync = await syncWorkouts(await f.deps(), { categories: ["all"] });
    const listings = Object.values(listing).filter((ids) => ids.includes(unlisted.id)).length;
    expect(sync).toMatchObject({ status: "SUCCEEDED", seen: classes.length - 1, new: classes.length - 1, failed: listings });
    const rows = await f.db.workouts.workout.findMany({ select: { id: true, categories: true, available: true } });
    expect(rows).toHaveLength(classes.length - 1);
    for (const row of rows) {
      const expected = Object.entries(listing)
        .filter(([, ids]) => ids.includes(row.id))
        .map(([slug]) => slug);
      expect({ id: row.id, categories: [...row.categories].sort(), available: row.available }).toEqual({
        id: row.id,
        categories: expected.sort(),
        available: true,
      });
    }
    // bike bootcamp classes are listed twice and stored once, under both
    expect(rows.filter((row) => row.categories.includes("bike_bootcamp") && row.categories.includes("bootcamp")).length).toBeGreaterThan(0);

    const details = await processDetails(await f.deps(), { batchSize: 0 });
    expect(details).toMatchObject({ status: "SUCCEEDED", processed: classes.length - 2, failed: 1 });
    expect(await f.db.workouts.workout.findUnique({ where: { id: unreadable.id } })).toMatchObject({
      processed: false,
      detailsError: expect.stringMatching(new RegExp(`^Unexpected response for class ${unreadable.id} .*playlist\\.songs\\.0\\.id: is empty`)),
    });
    const stored = await f.db.detailed.playlistEntry.findMany({ orderBy: [{ workoutId: "asc" }, { position: "asc" }] });
    for (const c of classes.filter((c) => c !== unlisted && c !== unreadable)) {
      expect({ id: c.id, songs: stored.filter((entry) => entry.workoutId === c.id).map((entry) => entry.songId) }).toEqual({ id: c.id, songs: c.songIds });
    }
  }, 120_000);

  it("stores the same catalogue whatever forms the optional fields take, and an answer that leaves a field out erases nothing", async () => {
    expect(await syncWorkouts(await f.deps(), { categories: ["all"] })).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    expect(await processDetails(await f.deps(), { batchSize: 0 })).toMatchObject({ status: "SUCCEEDED", failed: 0 });
    const first = await catalogue();
    // the simulator's drift picks new forms for every answer: fetch every class again
    expect(await processDetails(await f.deps(), { batchSize: 0, force: true })).toMatchObject({
      status: "SUCCEEDED",
      processed: f.sim.catalogue.classes.length,
    });
    const second = await catalogue();
    // what no answer may leave out: the same in both
    const required = ({ songs, albums: _, workouts, ...rest }: typeof first) => ({
      ...rest,
      songs: songs.map(({ albumId: _album, ...song }) => song),
      workouts: workouts.map(({ instructorId: _instructor, ...workout }) => workout),
    });
    expect(required(second)).toEqual(required(first));
    // a class has its instructor whether the answer embeds it or only names it (then it is asked for), or
    // only the class list names it; one whose list entry and answer both left it out cannot
    expect(first.workouts.filter((workout) => !workout.instructorId).length).toBeLessThan(3);
    const instructorOf = new Map(second.workouts.map((workout) => [workout.id, workout.instructorId]));
    for (const workout of first.workouts.filter((w) => w.instructorId))
      expect([workout.id, instructorOf.get(workout.id)]).toEqual([workout.id, workout.instructorId]);
    expect(first.entries).toHaveLength(f.sim.catalogue.classes.reduce((n, c) => n + c.songIds.length, 0));
    // an album is optional (drift leaves some out): one seen once stays, and a song keeps the album it was given
    expect(second.albums).toEqual(expect.arrayContaining(first.albums));
    const albumOf = new Map(second.songs.map((song) => [song.id, song.albumId]));
    for (const song of first.songs.filter((song) => song.albumId)) expect([song.id, albumOf.get(song.id)]).toEqual([song.id, song.albumId]);
    expect(second.songs.filter((song) => song.albumId).length).toBeGreaterThan(first.songs.filter((song) => song.albumId).length * 0.9);
  }, 120_000);
});
