import type { DetailedClient } from ".";

// The stored play counts (songs.play_count, artists.play_count, instructor_artist_plays) are the
// aggregates below over the playlist entries, kept by each class's transaction
// (src/ingest/play-counts.ts). What writes playlist entries otherwise (the benchmark's seed, a test
// making rows by hand) recounts them here; playCountDrift says whether they still agree.

type Client = Pick<DetailedClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

/** Each song's plays, every song (0 for one no class plays). */
const songPlays = `SELECT s.id, count(pe.song_id)::int AS plays FROM songs s LEFT JOIN playlist_entries pe ON pe.song_id = s.id GROUP BY s.id`;
/** Each artist's plays: a song's plays count for each artist it credits. */
const artistPlays = `SELECT a.id, count(pe.song_id)::int AS plays
  FROM artists a LEFT JOIN song_artists sa ON sa.artist_id = a.id LEFT JOIN playlist_entries pe ON pe.song_id = sa.song_id GROUP BY a.id`;
/** Each instructor's plays of each artist they play. */
const instructorArtistPlays = `SELECT w.instructor_id, sa.artist_id, count(*)::int AS plays
  FROM detailed_workouts w JOIN playlist_entries pe ON pe.workout_id = w.id JOIN song_artists sa ON sa.song_id = pe.song_id
 WHERE w.instructor_id IS NOT NULL GROUP BY w.instructor_id, sa.artist_id`;

/**
 * Sets every stored play count to the aggregate over the playlist entries, as the migration that made
 * them filled them: in one transaction (readers see the counts change at once), while no class is
 * being saved.
 */
export async function recountPlays(db: DetailedClient): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`UPDATE songs s SET play_count = c.plays FROM (${songPlays}) c WHERE c.id = s.id AND s.play_count <> c.plays`);
      await tx.$executeRawUnsafe(`UPDATE artists a SET play_count = c.plays FROM (${artistPlays}) c WHERE c.id = a.id AND a.play_count <> c.plays`);
      await tx.$executeRawUnsafe("DELETE FROM instructor_artist_plays");
      await tx.$executeRawUnsafe(`INSERT INTO instructor_artist_plays (instructor_id, artist_id, plays) ${instructorArtistPlays}`);
    },
    // the benchmark's 750,000 playlist entries take seconds
    { timeout: 30 * 60_000 },
  );
}

export interface PlayCountDrift {
  /** which count: a song's, an artist's, or an instructor's of an artist (id "instructor:artist"; a stored row of 0 plays is one too many) */
  kind: "song" | "artist" | "instructor artist";
  id: string;
  stored: number;
  counted: number;
}

/** The stored play counts that differ from the aggregate over the playlist entries (the first `limit` of them): none when they agree. */
export async function playCountDrift(db: Client, limit = 20): Promise<PlayCountDrift[]> {
  return db.$queryRawUnsafe<PlayCountDrift[]>(
    `(SELECT 'song' AS kind, s.id, s.play_count AS stored, c.plays AS counted FROM songs s JOIN (${songPlays}) c ON c.id = s.id
       WHERE s.play_count <> c.plays)
     UNION ALL
     (SELECT 'artist', a.id, a.play_count, c.plays FROM artists a JOIN (${artistPlays}) c ON c.id = a.id WHERE a.play_count <> c.plays)
     UNION ALL
     (SELECT 'instructor artist', coalesce(p.instructor_id, c.instructor_id) || ':' || coalesce(p.artist_id, c.artist_id),
             coalesce(p.plays, 0), coalesce(c.plays, 0)
        FROM instructor_artist_plays p FULL JOIN (${instructorArtistPlays}) c ON c.instructor_id = p.instructor_id AND c.artist_id = p.artist_id
       WHERE p.plays IS DISTINCT FROM c.plays)
     ORDER BY 1, 2 LIMIT ${Number(limit)}`,
  );
}
