import { readFileSync } from "node:fs";
import path from "node:path";
import { processDetails } from "../../src/ingest/process-details";
import { syncWorkouts } from "../../src/ingest/sync-workouts";
import { instructorSchema, parseResponse, readArchivedPage, rideDetailsSchema } from "../../src/peloton/schemas";
import { storedClass, useIngestFixture } from "../support/ingest";

// Contract tests over real Peloton answers (test/fixtures/peloton-real, see its README for sources):
// the client reads every one it can meet, and ingestion through the simulator stores what each holds.

const real = (file: string): any => JSON.parse(readFileSync(path.join(__dirname, "../fixtures/peloton-real", file), "utf8"));

const listPages = {
  "archived-page-2020 (no limit, sort_by an array)": real("ride_archived/archived-page-2020.json"),
  "list-data-only-2025 (no envelope at all)": real("ride_archived/list-data-only-2025.json"),
  "doc-envelope-2026 (sort_by a string, no hide_explicit_rides)": {
    ...real("ride_archived/doc-envelope-2026.json"),
    data: [real("ride_archived/doc-ride-2026.json")],
  },
};
const detailsAnswers = {
  "details-15cb7793-2025": real("ride_details/details-15cb7793-2025.json"),
  "details-266bbc93-2025-trimmed": real("ride_details/details-266bbc93-2025-trimmed.json"),
  // the 2026 document shows only the playlist: it rides with the 2026 document's ride
  "doc-playlist-2026": { ride: real("ride_archived/doc-ride-2026.json"), ...real("ride_details/doc-playlist-2026.json") },
};

describe("the client reads every real answer it can meet", () => {
  it.each(Object.entries(listPages))("a class list page: %s", (_, page) => {
    const read = readArchivedPage(page, "a real page", 0, 50);
    expect(read.rejected).toEqual([]);
    expect(read.data.map((ride) => ride.id)).toEqual(page.data.map((ride: any) => ride.id));
    for (const [i, ride] of read.data.entries()) {
      expect(ride).toMatchObject({ title: page.data[i].title, original_air_time: page.data[i].original_air_time, duration: page.data[i].duration });
      expect(ride.raw).toBe(page.data[i]);
    }
  });

  it("says whether there is a next page, from show_next, page_count or a full page", () => {
    expect(readArchivedPage(listPages["archived-page-2020 (no limit, sort_by an array)"], "p", 2, 2).hasNext).toBe(true);
    expect(readArchivedPage(listPages["list-data-only-2025 (no envelope at all)"], "p", 0, 50).hasNext).toBe(false);
    expect(readArchivedPage(listPages["list-data-only-2025 (no envelope at all)"], "p", 0, 1).hasNext).toBe(true);
    const { show_next: _, ...noShowNext } = listPages["archived-page-2020 (no limit, sort_by an array)"];
    expect(readArchivedPage(noShowNext, "p", 3429, 2).hasNext).toBe(false); // page_count 3430
  });

  it.each(Object.entries(detailsAnswers))("a class's details: %s", (_, answer) => {
    const details = parseResponse(rideDetailsSchema, answer, "a real class");
    expect(details.ride.id).toBe(answer.ride.id);
    expect(details.playlist!.songs.map((song) => song.id)).toEqual(answer.playlist.songs.map((song: any) => song.id));
  });

  it("instructors, in the 2020 list and the 2026 document", () => {
    const list = real("instructor/instructors-list-2020.json");
    expect(list.data.length).toBeGreaterThan(10);
    for (const instructor of [...list.data, real("instructor/doc-instructor-2026.json")]) {
      expect(parseResponse(instructorSchema, instructor, "a real instructor")).toMatchObject({ id: instructor.id, name: instructor.name });
    }
  });
});

const f = useIngestFixture({ classes: 8, disciplines: ["cycling"] });

/** What a class's playlist holds, read from the answer by the documented rules: songs by `index`, artists once per alias. */
const expectedPlaylist = (answer: any) =>
  [...answer.playlist.songs]
    .sort((a, b) => a.index - b.index)
    .map((song) => ({
      id: song.id,
      title: song.title,
      album: { id: song.album.id, name: song.album.name },
      // the first spelling of an artist wins
      artists: [...new Map(song.artists.toReversed().map((artist: any) => [artist.artist_alias_id ?? artist.artist_id, artist.artist_name])).entries()]
        .toReversed()
        .map(([id, name]) => ({ id, name })),
    }));

describe("ingestion stores what each real answer holds", () => {
  it("every song in order, every credited artist, album and instructor, and the list entries as sent", async () => {
    const classes = f.sim.catalogue.classes;
    const answers = Object.values(detailsAnswers);
    const entries = Object.values(listPages).flatMap((page) => page.data);
    // simulated classes answer as the real ones did, under their own ids
    for (const [i, answer] of answers.entries())
      f.sim.alterClass(classes[i]!.id, { details: () => ({ ...answer, ride: { ...answer.ride, id: classes[i]!.id } }) });
    for (const [i, entry] of entries.entries()) f.sim.alterClass(classes[i]!.id, { listEntry: () => ({ ...entry, id: classes[i]!.id }) });

    expect(await syncWorkouts(await f.deps())).toMatchObject({ status: "SUCCEEDED", seen: 8, failed: 0 });
    for (const [i, entry] of entries.entries()) {
      const row = await f.db.workouts.workout.findUniqueOrThrow({ where: { id: classes[i]!.id } });
      expect(row).toMatchObject({ title: entry.title, durationSeconds: entry.duration, originalAirTime: new Date(entry.original_air_time * 1000) });
      expect(row.listEntry).toEqual({ ...entry, id: classes[i]!.id });
    }

    expect(await processDetails(await f.deps(), { batchSize: 0 })).toMatchObject({ status: "SUCCEEDED", processed: 8, failed: 0 });
    for (const [i, answer] of answers.entries()) {
      const id = classes[i]!.id;
      const stored = await storedClass(f.db, id);
      expect(stored).toMatchObject({ title: answer.ride.title, durationSeconds: answer.ride.duration, fitnessDiscipline: answer.ride.fitness_discipline });
      if (answer.ride.instructor) expect(stored.instructor).toMatchObject({ id: answer.ride.instructor.id, name: answer.ride.instructor.name });
      expect(
        stored.playlist.map(({ song }) => ({
          id: song.id,
          title: song.title,
          album: { id: song.album!.id, name: song.album!.name },
          artists: song.artists.map(({ artist }) => ({ id: artist.id, name: artist.name })),
        })),
      ).toEqual(expectedPlaylist(answer));
      expect(stored.fullDetails).toEqual({ ...answer, ride: { ...answer.ride, id } });
    }
    // "A-Ha" and "a-ha" are two artist_ids sharing an alias: one artist, keyed by the alias
    const takeOnMe = detailsAnswers["details-266bbc93-2025-trimmed"].playlist.songs.find((song: any) => song.title === "Take on Me");
    expect(new Set(takeOnMe.artists.map((artist: any) => artist.artist_alias_id)).size).toBe(1);
    expect(await f.db.detailed.artist.count({ where: { id: { in: takeOnMe.artists.map((artist: any) => artist.artist_id) } } })).toBe(0);
    expect(await f.db.detailed.songArtist.count({ where: { songId: takeOnMe.id } })).toBe(1);
  });
});
