import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { scratchDatabases, testBackend, withDatabases } from "../../harness/databases";
import { ingestFromSimulator, removeDir, simulatorConfig, testClient } from "../../harness/simulator";
import { backupDatabases } from "../../src/backup/backup";
import { restoreBackup } from "../../src/backup/restore";
import type { Databases } from "../../src/db";
import { playCountDrift } from "../../src/db/play-counts";
import { importLegacy } from "../../src/ingest/import-legacy";
import { openLegacyDatabases } from "../../src/ingest/legacy-source";
import { processDetails } from "../../src/ingest/process-details";
import { saveClassDetails } from "../../src/ingest/save-class";
import { silentLogger } from "../../src/log";
import { createApi } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { graphql } from "../graphql";
import { rideDetails } from "../support/fixtures";
import { execute } from "../support/graphql";
import { useIngestFixture } from "../support/ingest";
import { createLegacyDatabases } from "../support/legacy-databases";

// The play counts ingestion keeps (songs.play_count, artists.play_count, instructor_artist_plays) must
// equal the aggregates over the playlist entries whatever writes them: a details run, classes stored
// again with other songs, credits, instructors or artist aliases, an import of the original scripts'
// databases, and many classes stored at once. playCountDrift compares the two in SQL.

const f = useIngestFixture({ classes: 40, seed: 18, instructors: 6 });

type Json = Record<string, any>;

async function expectCountsAsCounted(db: Pick<Databases, "detailed">) {
  expect(await playCountDrift(db.detailed)).toEqual([]);
  // and there is something to count
  const [totals] = await db.detailed.$queryRaw<{ entries: number; plays: number }[]>`
    SELECT (SELECT count(*)::int FROM playlist_entries) AS entries, (SELECT coalesce(sum(play_count), 0)::int FROM songs) AS plays`;
  expect(totals!.plays).toBe(totals!.entries);
  expect(totals!.entries).toBeGreaterThan(0);
}

/** The simulator's details answers for these classes, as Peloton sent them. */
async function answersOf(sim: Simulator, ids: string[]): Promise<Json[]> {
  const { client, dataDir } = await testClient(simulatorConfig(sim));
  try {
    return await Promise.all(ids.map(async (id) => (await client.rideDetails(id)).raw as Json));
  } finally {
    await removeDir(dataDir);
  }
}

const withPlaylist = (body: Json, songs: Json[]) => ({ ...body, playlist: { ...body.playlist, songs: songs.map((song, index) => ({ ...song, index })) } });

const topArtistsQuery = graphql(`query PlayCountsTopArtists($id: ID!) {
  instructor(id: $id) { topArtists(limit: 100) { plays artist { pelotonId playCount } } } }`);

/** Every instructor's top artists through the API equal the aggregate, ranked as it always was; and so do the artists' play counts. */
async function expectTopArtistsAsCounted(db: Databases) {
  const api = createApi(db);
  const instructors = await db.detailed.instructor.findMany({ select: { id: true } });
  expect(instructors.length).toBeGreaterThan(1);
  for (const { id } of instructors) {
    const { data, errors } = await execute(api, topArtistsQuery, { id });
    expect(errors).toBeUndefined();
    const counted = await db.detailed.$queryRaw<{ pelotonId: string; plays: number; playCount: number }[]>`
      SELECT sa.artist_id AS "pelotonId", count(*)::int AS plays,
             (SELECT count(*)::int FROM song_artists a JOIN playlist_entries e ON e.song_id = a.song_id WHERE a.artist_id = sa.artist_id) AS "playCount"
        FROM detailed_workouts w JOIN playlist_entries pe ON pe.workout_id = w.id JOIN song_artists sa ON sa.song_id = pe.song_id
       WHERE w.instructor_id = ${id} GROUP BY sa.artist_id ORDER BY count(*) DESC, sa.artist_id LIMIT 100`;
    expect(data!.instructor!.topArtists.map(({ plays, artist }) => ({ pelotonId: artist.pelotonId, plays, playCount: artist.playCount }))).toEqual(counted);
  }
}

describe("the stored play counts", () => {
  it("equal the aggregates after a details run, answers drifting in shape (credits without alias ids)", async () => {
    const sim = await startSimulator({ classes: 60, seed: 4, instructors: 5, drift: true });
    try {
      await ingestFromSimulator(f.db, sim, { details: { batchSize: 0, concurrency: 4 } });
    } finally {
      await sim.close();
    }
    await expectCountsAsCounted(f.db);
    await expectTopArtistsAsCounted(f.db);
  });

  it("equal the aggregates after classes are stored again with other playlists, credits, instructors and aliases", async () => {
    await ingestFromSimulator(f.db, f.sim, { sync: { categories: ["all"] } });
    await expectCountsAsCounted(f.db);
    const classes = f.sim.catalogue.classes.filter((c) => c.songIds.length > 2);
    const [reordered, recredited, moved, emptied, renamed] = classes;
    const otherInstructor = classes.find((c) => c.instructorId !== moved!.instructorId)!;
    const [otherAnswer] = await answersOf(f.sim, [otherInstructor.id]);
    const someArtist = otherAnswer!.playlist.songs[0].artists[0];
    // the same songs in another order, one twice, one of another class
    f.sim.alterClass(reordered!.id, {
      details: (body) => withPlaylist(body, [...body.playlist.songs].reverse().concat(body.playlist.songs[0], otherAnswer!.playlist.songs[1])),
    });
    // its songs credited to another artist: their plays in every class move with the credit
    f.sim.alterClass(recredited!.id, {
      details: (body) =>
        withPlaylist(
          body,
          body.playlist.songs.map((song: Json) => ({ ...song, artists: [someArtist] })),
        ),
    });
    f.sim.alterClass(moved!.id, {
      details: (body) => ({ ...body, ride: { ...body.ride, instructor_id: otherAnswer!.ride.instructor_id, instructor: otherAnswer!.ride.instructor } }),
    });
    f.sim.alterClass(emptied!.id, { details: (body) => withPlaylist(body, []) });
    // an artist first met by a bare artist_id, then named with an alias: merged into the alias's artist
    f.sim.alterClass(renamed!.id, {
      details: (body) =>
        withPlaylist(
          body,
          body.playlist.songs.map((song: Json) => ({ ...song, artists: [{ artist_id: "bare-artist", artist_name: "Bare Artist" }] })),
        ),
    });
    await processDetails(await f.deps(), { force: true, concurrency: 4 });
    await expectCountsAsCounted(f.db);
    expect((await f.db.detailed.artist.findUniqueOrThrow({ where: { id: "bare-artist" } })).playCount).toBeGreaterThanOrEqual(renamed!.songIds.length);

    f.sim.alterClass(renamed!.id, {
      details: (body) =>
        withPlaylist(
          body,
          body.playlist.songs.map((song: Json) => ({ ...song, artists: [{ ...someArtist, artist_id: "bare-artist" }] })),
        ),
    });
    await processDetails(await f.deps(), { ids: [renamed!.id] });
    expect(await f.db.detailed.artist.findUnique({ where: { id: "bare-artist" } })).toBeNull();
    await expectCountsAsCounted(f.db);
    await expectTopArtistsAsCounted(f.db);
  });

  it("equal the aggregates after an import of the original scripts' databases", async () => {
    const picked = f.sim.catalogue.classes.filter((c) => c.songIds.length > 0).slice(0, 6);
    const answers = await answersOf(
      f.sim,
      picked.map((c) => c.id),
    );
    // one kept answer credits its songs by artist_id alone, as the scripts' older versions kept them
    const bare = structuredClone(answers[0]!);
    for (const song of bare.playlist.songs) for (const artist of song.artists) delete artist.artist_alias_id;
    const legacy = await createLegacyDatabases({ answers: [bare, ...answers.slice(1)] });
    try {
      const databases = await openLegacyDatabases(legacy.source, silentLogger);
      try {
        const summary = await importLegacy({ workouts: f.db.workouts, detailed: f.db.detailed, logger: silentLogger }, databases);
        expect(summary.imported).toBeGreaterThanOrEqual(picked.length);
      } finally {
        await databases.close();
      }
    } finally {
      await legacy.remove();
    }
    await expectCountsAsCounted(f.db);
    // then a details run over the same classes, Peloton's answers naming every alias
    await ingestFromSimulator(f.db, f.sim, { sync: { categories: ["all"] }, details: { force: true, batchSize: 0 } });
    await expectCountsAsCounted(f.db);
  });

  it("equal the aggregates after many classes sharing songs and artists are stored at once, round after round", async () => {
    const ids = f.sim.catalogue.classes.filter((c) => c.songIds.length > 0).map((c) => c.id);
    const answers = await answersOf(f.sim, ids.slice(0, 12));
    const songs = [...new Map(answers.flatMap((answer) => answer.playlist.songs as Json[]).map((song) => [song.id, song])).values()].slice(0, 16);
    const artists = [...new Map(songs.flatMap((song) => song.artists as Json[]).map((artist) => [artist.artist_alias_id, artist])).values()];
    const instructors = answers.map((answer) => answer.ride.instructor);
    let seed = 18;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
    // a credit: the artist as Peloton names it, or by an artist_id this round made up, with or without its alias
    const credit = (round: number) => {
      const artist = pick(artists);
      const form = next();
      if (form < 0.6) return artist;
      const bareId = `${artist.artist_alias_id}-round-${round}`;
      const { artist_alias_id: _alias, ...bare } = artist;
      return form < 0.8 ? { ...bare, artist_id: bareId } : { ...artist, artist_id: bareId };
    };
    const rounds = 10;
    for (let round = 0; round < rounds; round++) {
      // every class again, two of them twice, each with a playlist drawn from the shared songs, credits drawn anew
      const classes = [...answers, pick(answers), pick(answers)].map((answer) => {
        const playlist = Array.from({ length: 3 + Math.floor(next() * 6) }, () => {
          const song = pick(songs);
          return { ...song, artists: Array.from({ length: 1 + Math.floor(next() * 2) }, () => credit(round)) };
        });
        const instructor = pick(instructors);
        return rideDetails(withPlaylist({ ...answer, ride: { ...answer.ride, instructor_id: instructor.id, instructor } }, playlist));
      });
      const saved = await Promise.allSettled(classes.map((details) => saveClassDetails(f.db.detailed, details)));
      expect(saved.filter((outcome) => outcome.status === "rejected")).toEqual([]);
      await expectCountsAsCounted(f.db);
    }
    await expectTopArtistsAsCounted(f.db);
  });
});

describe("a details run's saves", () => {
  // they take turns in the database (a lock held to commit); waiting there, each would hold one of the
  // pool's connections, which the API's requests share: the run's workers take turns before that
  (testBackend === "postgres" ? it : it.skip)("at concurrency 16 never wait for the database's lock, holding a connection", async () => {
    let waiting = 0;
    let sampling = true;
    const sample = async () => {
      while (sampling) {
        const [row] = await f.db.detailed.$queryRaw<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_database d ON d.oid = l.database
           WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted`;
        waiting = Math.max(waiting, row!.waiting);
      }
    };
    const sampler = sample();
    try {
      await ingestFromSimulator(f.db, f.sim, { details: { batchSize: 0, concurrency: 16 } });
      expect(await f.db.detailed.detailedWorkout.count()).toBeGreaterThan(10);
    } finally {
      sampling = false;
      await sampler;
    }
    expect(waiting).toBe(0);
    await expectCountsAsCounted(f.db);
  });
});

describe("a catalogue from elsewhere", () => {
  it("made before the play counts gets them from the migration that adds them", async () => {
    const { config, remove } = await scratchDatabases();
    try {
      await withDatabases(config, async (db) => {
        await ingestFromSimulator(db, f.sim, { sync: { categories: ["all"] } });
        // back to the catalogue as it was: no counts, and the migration not applied
        await db.detailed.$executeRawUnsafe("DROP TABLE instructor_artist_plays");
        await db.detailed.$executeRawUnsafe("ALTER TABLE songs DROP COLUMN play_count");
        await db.detailed.$executeRawUnsafe("ALTER TABLE artists DROP COLUMN play_count");
        await db.detailed.$executeRawUnsafe("DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_play_counts'");
      });
      // opening it applies the migration again
      await withDatabases(config, expectCountsAsCounted);
    } finally {
      await remove();
    }
  });

  it("restored from a backup has them as the backup's catalogue had them", async () => {
    const backupDir = await mkdtemp(path.join(os.tmpdir(), "pmc-play-counts-"));
    const [source, target] = await Promise.all([scratchDatabases(), scratchDatabases()]);
    try {
      // a catalogue of its own: the embedded databases back up closed
      await withDatabases(source.config, (db) => ingestFromSimulator(db, f.sim, { sync: { categories: ["all"] } }));
      const backup = await backupDatabases({ database: source.config, backupDir });
      await restoreBackup(backup.timestamp, { database: target.config, backupDir });
      await withDatabases(target.config, expectCountsAsCounted);
    } finally {
      await Promise.all([source.remove(), target.remove(), rm(backupDir, { recursive: true, force: true })]);
    }
  });
});

describe("a search's pages", () => {
  const searchQuery = graphql(`query PlayCountsSearch($search: String!, $first: Int!, $after: String) {
    songs(search: $search, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { pelotonId } } } }`);

  it("repeat and skip none of the first page's rows while details runs store classes between them", async () => {
    await ingestFromSimulator(f.db, f.sim, { sync: { categories: ["all"] }, details: { batchSize: 15 } });
    const api = createApi(f.db);
    // the two letters the most stored titles hold: a search with many rows, of a few ranks, ordered by plays within each
    const [found] = await f.db.detailed.$queryRaw<{ term: string }[]>`
      SELECT substr(title_search, i, 2) AS term FROM songs, generate_series(1, length(title_search) - 1) AS i
       WHERE substr(title_search, i, 2) ~ '^[a-z]{2}$' GROUP BY 1 ORDER BY count(DISTINCT id) DESC, 1 LIMIT 1`;
    const word = found!.term;
    const page = async (first: number, after: string | null) => {
      const { data, errors } = await execute(api, searchQuery, { search: word, first, after });
      expect(errors).toBeUndefined();
      return data!.songs;
    };
    const all = await page(100, null);
    expect(all.pageInfo.hasNextPage).toBe(false);
    const before = all.edges.map((edge) => edge.node.pelotonId);
    expect(before.length).toBeGreaterThan(6);
    const first = await page(3, null);
    const walked = first.edges.map((edge) => edge.node.pelotonId);
    let after = first.pageInfo.endCursor;
    let batches = 0;
    while (after) {
      // a batch of classes stored between two pages: plays change, songs are added
      if (batches++ < 4) await processDetails(await f.deps(), { batchSize: 6, concurrency: 2 });
      const next = await page(3, after);
      walked.push(...next.edges.map((edge) => edge.node.pelotonId));
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    expect(batches).toBeGreaterThan(1);
    expect(new Set(walked).size).toBe(walked.length);
    // the rows of the first page's search, in its order; songs stored since fall where their plays then put them
    expect(walked.filter((id) => before.includes(id))).toEqual(before);
    await expectCountsAsCounted(f.db);
  });
});
