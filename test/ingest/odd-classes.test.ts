import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { removeDir, simulatorConfig, testClient } from "../../harness/simulator";
import { type ProcessDetailsOptions, processDetails } from "../../src/ingest/process-details";
import { MAX_INDEXED_TEXT } from "../../src/ingest/storable";
import { syncWorkouts } from "../../src/ingest/sync-workouts";
import { keptResponsesDir } from "../../src/peloton/client";
import { createApi } from "../../src/server";
import { graphql } from "../graphql";
import { execute } from "../support/graphql";
import { useIngestFixture } from "../support/ingest";

// The odd data a real library of 50,000 classes holds, served by the simulator: each odd class is
// stored as well as it can be or set aside with its reason, and never stops the classes after it.

const f = useIngestFixture({ classes: 30, disciplines: ["cycling"] });
const dataDirs: string[] = [];
afterEach(() => Promise.all(dataDirs.splice(0).map(removeDir)));
/** A client whose DATA_DIR the test reads (for the answers kept there). */
const clientWithDataDir = async () => {
  const made = await testClient(simulatorConfig(f.sim));
  dataDirs.push(made.dataDir);
  return made;
};

const musicClasses = () => f.sim.catalogue.classes.filter((c) => c.songIds.length > 1);
/** The oldest class with music first: processDetails takes classes oldest first, so an odd one is met first. */
const oldestMusicClass = () => musicClasses().at(-1)!;
const playlistOf = async (id: string) =>
  (await f.db.detailed.playlistEntry.findMany({ where: { workoutId: id }, orderBy: { position: "asc" } })).map((e) => e.songId);
const detailsRun = async (options: ProcessDetailsOptions = {}) => processDetails(await f.deps(), options.ids ? options : { batchSize: 0, ...options });

/** The class's first song swapped for one no other class plays, with these fields. */
const ownFirstSong = (fields: Record<string, unknown>) => (body: any) => {
  body.playlist.songs[0] = { ...body.playlist.songs[0], id: "a".repeat(32), ...fields };
  return body;
};

const synced = async () => expect(await syncWorkouts(await f.deps())).toMatchObject({ status: "SUCCEEDED" });

describe("one odd class never halts ingestion", () => {
  it("stores a class whose song title is 8 KB, cut to what the title index holds", async () => {
    const odd = oldestMusicClass();
    const longTitle = "Ω".repeat(8192);
    const longCredit = (body: any) => {
      body.playlist.songs[0].artists[0] = { ...body.playlist.songs[0].artists[0], artist_alias_id: "b".repeat(32), artist_name: longTitle };
      return body;
    };
    f.sim.alterClass(odd.id, { details: ownFirstSong({ title: longTitle }) });
    f.sim.alterClass(odd.id, { details: longCredit });
    await synced();
    expect(await detailsRun()).toMatchObject({ status: "SUCCEEDED", processed: 30, failed: 0 });
    const song = await f.db.detailed.song.findUniqueOrThrow({ where: { id: "a".repeat(32) } });
    expect(song.title).toBe(longTitle.slice(0, MAX_INDEXED_TEXT));
    expect(await f.db.detailed.artist.findUniqueOrThrow({ where: { id: "b".repeat(32) } })).toMatchObject({ name: longTitle.slice(0, MAX_INDEXED_TEXT) });
    expect(await playlistOf(odd.id)).toEqual(["a".repeat(32), ...odd.songIds.slice(1)]);
    // the answer as Peloton sent it is kept whole
    const stored = await f.db.detailed.detailedWorkout.findUniqueOrThrow({ where: { id: odd.id } });
    expect((stored.fullDetails as any).playlist.songs[0].title).toBe(longTitle);
  });

  it("nulls numbers and times out of any column's range, in the list and in the details", async () => {
    const [first, second] = musicClasses().slice(-2).reverse();
    f.sim.alterClass(first!.id, {
      listEntry: (ride) => ({ ...ride, duration: 3e9, original_air_time: 1e13 }),
      details: (body) => {
        body.playlist.songs[0].start_time_offset = 3e9;
        body.playlist.songs[1].cue_time_offset = -1e12;
        body.ride.duration = 3e9;
        return body;
      },
    });
    f.sim.alterClass(second!.id, {
      details: (body) => {
        body.ride.original_air_time = 8.64e13;
        body.ride.scheduled_start_time = -1e15;
        return body;
      },
    });
    expect(await syncWorkouts(await f.deps())).toMatchObject({ status: "SUCCEEDED", seen: 30, new: 30, failed: 0 });
    expect(await f.db.workouts.workout.findUnique({ where: { id: first!.id } })).toMatchObject({ durationSeconds: null, originalAirTime: null });
    expect(await f.db.workouts.workout.count()).toBe(30);

    expect(await detailsRun()).toMatchObject({ status: "SUCCEEDED", processed: 30, failed: 0 });
    const entries = await f.db.detailed.playlistEntry.findMany({ where: { workoutId: first!.id }, orderBy: { position: "asc" } });
    expect(entries[0]).toMatchObject({ startOffsetSeconds: null });
    expect(entries[1]).toMatchObject({ cueTimeOffset: null });
    expect(await f.db.detailed.detailedWorkout.findUnique({ where: { id: first!.id } })).toMatchObject({ durationSeconds: null });
    expect(await f.db.detailed.detailedWorkout.findUnique({ where: { id: second!.id } })).toMatchObject({ originalAirTime: null, scheduledTime: null });
  });

  it("leaves out a list entry it cannot read, keeps the page for a bug report, and stores the rest", async () => {
    const [odd, alsoOdd] = f.sim.catalogue.classes.slice(3, 5);
    f.sim.alterClass(odd!.id, { listEntry: ({ id: _, ...ride }) => ride });
    f.sim.alterClass(alsoOdd!.id, { listEntry: (ride) => ({ ...ride, id: { nested: ride.id } }) });
    const { client, dataDir } = await clientWithDataDir();
    expect(await syncWorkouts({ ...(await f.deps()), peloton: client })).toMatchObject({ status: "SUCCEEDED", seen: 28, new: 28, failed: 2 });
    expect(await f.db.workouts.workout.count()).toBe(28);
    const kept = await readdir(keptResponsesDir(dataDir));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(keptResponsesDir(dataDir), kept[0]!), "utf8")).data).toHaveLength(30);
  });

  it("stops on a list page it cannot read, saying what to do next, and the next sync resumes there", async () => {
    f.sim.faults.inject("archived", { transform: (body) => ({ ...body, data: { "0": body.data[0] } }) });
    const { client, dataDir } = await clientWithDataDir();
    const failed = await syncWorkouts({ ...(await f.deps()), peloton: client });
    expect(failed).toMatchObject({ status: "FAILED", seen: 0 });
    expect(failed.error).toMatch(
      /^Unexpected response for page 0 of the cycling class list \(GET \/api\/v2\/ride\/archived\): data: expected the list of classes \(an array\) \(Peloton's answer is kept in .+\.json\)\. The sync stopped at page 0 of cycling; .* the next sync resumes here\. If it fails the same way again, .*report it/,
    );
    expect(await readdir(keptResponsesDir(dataDir))).toHaveLength(1);
    expect(await syncWorkouts(await f.deps())).toMatchObject({ status: "SUCCEEDED", seen: 30, new: 30 });
  });

  it("stores text with NUL characters, which PostgreSQL refuses, without them", async () => {
    const odd = oldestMusicClass();
    f.sim.alterClass(odd.id, {
      listEntry: (ride) => ({ ...ride, title: "Ride\u0000 on" }),
      details: (body) => {
        body.ride.title = "Ride\u0000 on";
        body.ride.extra_field = "a\u0000b";
        return body;
      },
    });
    f.sim.alterClass(odd.id, { details: ownFirstSong({ title: "So\u0000ng" }) });
    await synced();
    expect(await detailsRun()).toMatchObject({ status: "SUCCEEDED", processed: 30, failed: 0 });
    expect(await f.db.workouts.workout.findUnique({ where: { id: odd.id } })).toMatchObject({ title: "Ride on" });
    expect(await f.db.detailed.detailedWorkout.findUnique({ where: { id: odd.id } })).toMatchObject({ title: "Ride on" });
    expect(await f.db.detailed.song.findUnique({ where: { id: "a".repeat(32) } })).toMatchObject({ title: "Song" });
  });

  it("stores a playlist of 10,000 songs in one transaction", async () => {
    const odd = oldestMusicClass();
    const songs = Array.from({ length: 10_000 }, (_, i) => ({
      id: `big${String(i).padStart(29, "0")}`,
      title: `Song ${i}`,
      index: i,
      explicit_rating: i % 2,
      start_time_offset: 60 + i,
      cue_time_offset: 60 + i,
      album: { id: `album${i % 500}`, name: `Album ${i % 500}`, image_url: null },
      artists: [{ artist_id: `artist${i % 800}`, artist_name: `Artist ${i % 800}`, image_url: null, artist_alias_id: `alias${i % 800}` }],
    }));
    f.sim.alterClass(odd.id, {
      details: (body) => {
        body.playlist.songs = songs;
        return body;
      },
    });
    await synced();
    expect(await detailsRun()).toMatchObject({ status: "SUCCEEDED", processed: 30, failed: 0 });
    expect(await playlistOf(odd.id)).toEqual(songs.map((song) => song.id));
    expect(await f.db.detailed.songArtist.count({ where: { songId: { startsWith: "big" } } })).toBe(10_000);
    expect(await f.db.detailed.album.count({ where: { id: { startsWith: "album" } } })).toBe(500);
    // saving it again changes nothing and duplicates nothing
    expect(await detailsRun({ force: true, ids: [odd.id] })).toMatchObject({ status: "SUCCEEDED", processed: 1 });
    expect(await f.db.detailed.playlistEntry.count({ where: { workoutId: odd.id } })).toBe(10_000);
  }, 180_000);

  it("refuses a details answer about another class, and never overwrites that class", async () => {
    const [asked, other] = musicClasses().slice(-2).reverse();
    await synced();
    expect(await detailsRun({ ids: [other!.id] })).toMatchObject({ processed: 1 });
    const before = await f.db.detailed.detailedWorkout.findUniqueOrThrow({ where: { id: other!.id } });
    f.sim.alterClass(asked!.id, { details: (body) => ({ ...body, ride: { ...body.ride, id: other!.id, title: "Not this class" }, playlist: null }) });

    expect(await detailsRun()).toMatchObject({ status: "SUCCEEDED", processed: 28, failed: 1 });
    expect(await f.db.detailed.detailedWorkout.findUniqueOrThrow({ where: { id: other!.id } })).toMatchObject({ title: before.title });
    expect(await playlistOf(other!.id)).toEqual(other!.songIds);
    expect(await f.db.detailed.detailedWorkout.findUnique({ where: { id: asked!.id } })).toBeNull();
    expect(await f.db.workouts.workout.findUnique({ where: { id: asked!.id } })).toMatchObject({
      processed: false,
      detailsAttempts: 1,
      detailsError: expect.stringMatching(new RegExp(`ride\\.id is "${other!.id}", not the class asked for`)),
    });
  });

  it("sets aside a class its databases refuse, retries it after a growing wait, and stores it once it can", async () => {
    const odd = oldestMusicClass();
    // a NUL in a song id: no column can hold it, and an id cannot be cleaned the way a title is
    let fixedUpstream = false;
    f.sim.alterClass(odd.id, {
      details: (body) => {
        if (!fixedUpstream) body.playlist.songs[1].id = `${body.playlist.songs[1].id}\u0000`;
        return body;
      },
    });
    await synced();

    const first = await detailsRun({ retryAfterMs: 60_000 });
    expect(first).toMatchObject({ status: "SUCCEEDED", processed: 29, failed: 1 });
    const failed = await f.db.workouts.workout.findUniqueOrThrow({ where: { id: odd.id } });
    expect(failed).toMatchObject({ processed: false, detailsAttempts: 1, detailsError: expect.stringMatching(/^could not store it: /) });
    expect(failed.detailsRetryAt!.getTime() - Date.now()).toBeGreaterThan(50_000);
    expect(await f.db.detailed.detailedWorkout.findUnique({ where: { id: odd.id } })).toBeNull();

    // not before its time
    expect(await detailsRun({ retryAfterMs: 60_000 })).toMatchObject({ status: "SUCCEEDED", seen: 0 });
    // its time comes (as an hour passing would make it): it fails again and waits twice as long
    await f.db.workouts.workout.update({ where: { id: odd.id }, data: { detailsRetryAt: new Date(Date.now() - 1) } });
    expect(await detailsRun({ retryAfterMs: 60_000 })).toMatchObject({ seen: 1, failed: 1 });
    const again = await f.db.workouts.workout.findUniqueOrThrow({ where: { id: odd.id } });
    expect(again.detailsAttempts).toBe(2);
    expect(again.detailsRetryAt!.getTime() - Date.now()).toBeGreaterThan(110_000);

    // Peloton's answer is fixed upstream: asking for the class by id brings it in
    fixedUpstream = true;
    expect(await detailsRun({ ids: [odd.id] })).toMatchObject({ processed: 1, failed: 0 });
    expect(await f.db.workouts.workout.findUnique({ where: { id: odd.id } })).toMatchObject({ processed: true, detailsError: null, detailsRetryAt: null });
    expect(await playlistOf(odd.id)).toEqual(odd.songIds);
  }, 60_000);

  it("keeps an answer it cannot read for a bug report, naming the endpoint, the class and the field", async () => {
    const odd = oldestMusicClass();
    f.sim.alterClass(odd.id, {
      details: (body) => {
        body.playlist.songs[2].artists = [{ artist_name: "No id" }];
        return body;
      },
    });
    await synced();
    const deps = await f.deps();
    const { client, dataDir } = await clientWithDataDir();
    expect(await processDetails({ ...deps, peloton: client }, { batchSize: 0 })).toMatchObject({ processed: 29, failed: 1 });
    const { detailsError } = await f.db.workouts.workout.findUniqueOrThrow({ where: { id: odd.id } });
    const kept = keptResponsesDir(dataDir);
    expect(detailsError).toMatch(
      new RegExp(
        `^Unexpected response for class ${odd.id} \\(GET /api/ride/${odd.id}/details\\): playlist\\.songs\\.2\\.artists\\.0\\.artist_id: .* \\(Peloton's answer is kept in ${kept.replace(/[.\\/]/g, "\\$&")}/.+\\.json\\)$`,
      ),
    );
    const files = await readdir(kept);
    expect(files).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(kept, files[0]!), "utf8")).ride.id).toBe(odd.id);
  });

  it.each([1, 4])("knows an artist credited without its alias, whether the alias came before or after, as one artist (%i at a time)", async (concurrency) => {
    const withoutAliases = (body: any) => {
      for (const song of body.playlist?.songs ?? []) for (const artist of song.artists) delete artist.artist_alias_id;
      return body;
    };
    // the oldest classes are processed first, the newest last: bare artist_ids both before and after their aliases
    const bare = [...musicClasses().slice(0, 5), ...musicClasses().slice(-5)];
    for (const c of bare) f.sim.alterClass(c.id, { details: withoutAliases });
    await synced();
    const run = await detailsRun({ concurrency });
    expect(run).toMatchObject({ status: "SUCCEEDED", processed: 30, error: null });
    expect(await f.db.detailed.artist.count()).toBe(f.sim.catalogue.artistCount);
    const credits = await f.db.detailed.songArtist.findMany({ where: { songId: { in: bare.flatMap((c) => c.songIds) } }, select: { artistId: true } });
    const aliases = new Set((await f.db.detailed.artist.findMany({ select: { id: true } })).map((artist) => artist.id));
    expect(credits.filter((credit) => !aliases.has(credit.artistId))).toEqual([]);
    // and saving them all again changes nothing
    const before = await f.db.detailed.songArtist.findMany({ orderBy: [{ songId: "asc" }, { position: "asc" }] });
    expect(await detailsRun({ force: true, concurrency })).toMatchObject({ processed: 30 });
    expect(await f.db.detailed.songArtist.findMany({ orderBy: [{ songId: "asc" }, { position: "asc" }] })).toEqual(before);
  });

  it("erases nothing an earlier answer gave when a later one leaves it out", async () => {
    const odd = oldestMusicClass();
    await synced();
    expect(await detailsRun()).toMatchObject({ processed: 30 });
    const song = { id: odd.songIds[0]! };
    const before = {
      workout: await f.db.detailed.detailedWorkout.findUniqueOrThrow({
        where: { id: odd.id },
        select: { title: true, description: true, imageUrl: true, durationSeconds: true, instructorId: true },
      }),
      listed: await f.db.workouts.workout.findUniqueOrThrow({
        where: { id: odd.id },
        select: { instructorId: true, instructorName: true, durationSeconds: true, discipline: true },
      }),
      song: await f.db.detailed.song.findUniqueOrThrow({ where: song }),
      credits: await f.db.detailed.songArtist.findMany({ where: { songId: song.id }, orderBy: { position: "asc" } }),
    };
    for (const c of f.sim.catalogue.classes) {
      f.sim.alterClass(c.id, {
        listEntry: ({ instructor_id: _, duration: _d, ...ride }) => ({ ...ride, fitness_discipline: "" }),
        details: (body) => {
          for (const s of body.playlist?.songs ?? []) if (s.id === song.id) Object.assign(s, { title: "", artists: null, album: null });
          if (body.ride.id === odd.id) Object.assign(body.ride, { description: null, image_url: "", duration: null, instructor: null });
          return body;
        },
      });
    }
    expect(await syncWorkouts(await f.deps(), { full: true })).toMatchObject({ status: "SUCCEEDED", seen: 30 });
    expect(await detailsRun({ force: true })).toMatchObject({ status: "SUCCEEDED", processed: 30 });
    expect(
      await f.db.detailed.detailedWorkout.findUniqueOrThrow({
        where: { id: odd.id },
        select: { title: true, description: true, imageUrl: true, durationSeconds: true, instructorId: true },
      }),
    ).toEqual(before.workout);
    expect(
      await f.db.workouts.workout.findUniqueOrThrow({
        where: { id: odd.id },
        select: { instructorId: true, instructorName: true, durationSeconds: true, discipline: true },
      }),
    ).toEqual(before.listed);
    expect(await f.db.detailed.song.findUniqueOrThrow({ where: song })).toEqual(before.song);
    expect(await f.db.detailed.songArtist.findMany({ where: { songId: song.id }, orderBy: { position: "asc" } })).toEqual(before.credits);
  });

  it("takes a category from the classes not listed only when Peloton says the list has ended", async () => {
    await synced();
    const gone = f.sim.catalogue.classes[5]!;
    f.sim.removeClass(gone.id);
    // pages with no envelope, as a publisher kept one: the end is guessed from a short page
    f.sim.faults.inject("archived", { transform: (body) => ({ data: body.data }) });
    expect(await syncWorkouts(await f.deps(), { full: true })).toMatchObject({ status: "SUCCEEDED", seen: 29 });
    expect(await f.db.workouts.workout.findUnique({ where: { id: gone.id } })).toMatchObject({ available: true, categories: ["cycling"] });
    // Peloton's own envelope says it
    expect(await syncWorkouts(await f.deps(), { full: true })).toMatchObject({ status: "SUCCEEDED", seen: 29 });
    expect(await f.db.workouts.workout.findUnique({ where: { id: gone.id } })).toMatchObject({ available: false, categories: [] });
  });

  it("replaces a song's credits when they change upstream, and what derives from them follows", async () => {
    const odd = oldestMusicClass();
    const songId = odd.songIds[0]!;
    await synced();
    expect(await detailsRun()).toMatchObject({ processed: 30 });
    const before = await f.db.detailed.songArtist.findMany({ where: { songId }, orderBy: { position: "asc" } });
    const newArtist = { artist_id: "f".repeat(32), artist_name: "Guest Star", image_url: null, artist_alias_id: "e".repeat(32) };
    const recredit = (body: any) => {
      for (const song of body.playlist?.songs ?? []) if (song.id === songId) song.artists = [newArtist, ...song.artists.slice(1)];
      return body;
    };
    for (const c of f.sim.catalogue.classes) if (c.songIds.includes(songId)) f.sim.alterClass(c.id, { details: recredit });

    expect(await detailsRun({ force: true })).toMatchObject({ status: "SUCCEEDED", processed: 30 });
    const after = await f.db.detailed.songArtist.findMany({ where: { songId }, orderBy: { position: "asc" } });
    expect(after.map((credit) => credit.artistId)).toEqual(["e".repeat(32), ...before.slice(1).map((credit) => credit.artistId)]);
    expect(await f.db.detailed.song.findUnique({ where: { id: songId } })).toMatchObject({ artistNames: expect.stringMatching(/^Guest Star/) });

    const api = createApi(f.db);
    const playing = f.sim.catalogue.classes.filter((c) => c.songIds.includes(songId));
    const { data, errors } = await execute(
      api,
      graphql(`query RecreditedSong($song: ID!, $instructor: ID!) {
        song(id: $song) { artistNames artists { id: pelotonId name playCount songs(first: 5) { edges { node { id: pelotonId } } } } }
        instructor(id: $instructor) { topArtists(limit: 50) { artist { id: pelotonId } plays } } }`),
      { song: songId, instructor: odd.instructorId },
    );
    expect(errors).toBeUndefined();
    expect(data!.song!.artists[0]).toEqual({ id: "e".repeat(32), name: "Guest Star", playCount: playing.length, songs: { edges: [{ node: { id: songId } }] } });
    expect(data!.song!.artistNames).toMatch(/^Guest Star/);
    const guestPlays = playing.filter((c) => c.instructorId === odd.instructorId).length;
    expect(data!.instructor!.topArtists).toContainEqual({ artist: { id: "e".repeat(32) }, plays: guestPlays });
    const formerArtist = before[0]!.artistId;
    const former = await f.db.detailed.songArtist.findMany({ where: { artistId: formerArtist, songId } });
    expect(former).toEqual([]);
  });
});
