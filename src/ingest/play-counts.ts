import type { DetailedClient } from "../db";

type Transaction = Parameters<Parameters<DetailedClient["$transaction"]>[0]>[0];

/** A song credited to an artist. */
export interface Credit {
  songId: string;
  artistId: string;
}

/**
 * The play counts a class's transaction changes (songs.play_count, artists.play_count and
 * instructor_artist_plays, which src/db/play-counts.ts defines), kept as it changes the rows they
 * count: its playlist taken out and put back, credits moved from one artist to another. Each change
 * is read from the rows as they are at that moment; `write` adds them all up at the end.
 */
export interface PlayCountChanges {
  /** Credits a song gained (+1) or lost (-1): all its plays, by every instructor, move with them. */
  credits(changes: { credit: Credit; sign: 1 | -1 }[]): Promise<void>;
  /** Counts the class's new playlist in: a song per entry, with the artists it credits once saved, played by its instructor. */
  addClass(instructorId: string | null, entries: { songId: string; artistIds: string[] }[]): void;
  /** Writes the counts, those of an artist deleted meanwhile (merged into another) left out. */
  write(): Promise<void>;
}

/**
 * Starts keeping a class's play counts: takes the class's stored playlist out, from the counts and
 * from the database. The first of its changes, in a save that has the catalogue to itself
 * (saveClassDetails takes turns).
 */
export async function takeOutClass(tx: Transaction, classId: string): Promise<PlayCountChanges> {
  const songs = new Map<string, number>();
  const artists = new Map<string, number>();
  const instructorArtists = new Map<string, { instructorId: string; artistId: string; plays: number }>();
  const add = <K>(map: Map<K, number>, key: K, plays: number) => map.set(key, (map.get(key) ?? 0) + plays);
  const addInstructorArtist = (instructorId: string, artistId: string, plays: number) => {
    const key = `${instructorId}\u0000${artistId}`;
    const row = instructorArtists.get(key) ?? { instructorId, artistId, plays: 0 };
    instructorArtists.set(key, { ...row, plays: row.plays + plays });
  };

  // the class's stored entries, by song and credited artist
  const stored = await tx.$queryRaw<{ song_id: string; artist_id: string | null; instructor_id: string | null; plays: number }[]>`
    SELECT pe.song_id, sa.artist_id, w.instructor_id, count(*)::int AS plays
      FROM detailed_workouts w JOIN playlist_entries pe ON pe.workout_id = w.id LEFT JOIN song_artists sa ON sa.song_id = pe.song_id
     WHERE w.id = ${classId} GROUP BY pe.song_id, sa.artist_id, w.instructor_id`;
  for (const [songId, plays] of new Map(stored.map((row) => [row.song_id, row.plays]))) add(songs, songId, -plays);
  for (const row of stored) {
    if (row.artist_id === null) continue;
    add(artists, row.artist_id, -row.plays);
    if (row.instructor_id) addInstructorArtist(row.instructor_id, row.artist_id, -row.plays);
  }
  if (stored.length) await tx.playlistEntry.deleteMany({ where: { workoutId: classId } });

  return {
    async credits(changes) {
      if (!changes.length) return;
      const songIds = [...new Set(changes.map(({ credit }) => credit.songId))];
      // each song's plays by instructor (null: classes without one), this class's playlist aside (taken out)
      const plays = await tx.$queryRaw<{ song_id: string; instructor_id: string | null; plays: number }[]>`
        SELECT pe.song_id, w.instructor_id, count(*)::int AS plays
          FROM playlist_entries pe JOIN detailed_workouts w ON w.id = pe.workout_id
         WHERE pe.song_id = ANY(${songIds}::text[]) GROUP BY pe.song_id, w.instructor_id`;
      const bySong = new Map<string, typeof plays>();
      for (const row of plays) bySong.set(row.song_id, [...(bySong.get(row.song_id) ?? []), row]);
      for (const { credit, sign } of changes) {
        for (const row of bySong.get(credit.songId) ?? []) {
          add(artists, credit.artistId, sign * row.plays);
          if (row.instructor_id) addInstructorArtist(row.instructor_id, credit.artistId, sign * row.plays);
        }
      }
    },
    addClass(instructorId, entries) {
      for (const { songId, artistIds } of entries) {
        add(songs, songId, 1);
        for (const artistId of artistIds) {
          add(artists, artistId, 1);
          if (instructorId) addInstructorArtist(instructorId, artistId, 1);
        }
      }
    },
    async write() {
      const changed = <K>(map: Map<K, number>) => [...map].filter(([, plays]) => plays !== 0);
      const songRows = changed(songs);
      const artistRows = changed(artists);
      const pairs = [...instructorArtists.values()].filter((row) => row.plays !== 0);
      if (!songRows.length && !artistRows.length && !pairs.length) return;
      const instructorIds = pairs.map((row) => row.instructorId);
      const pairArtistIds = pairs.map((row) => row.artistId);
      // one statement: the changes add up on the rows, pairs new to an instructor get theirs
      await tx.$executeRaw`
        WITH song_plays AS (
          UPDATE songs s SET play_count = s.play_count + d.plays
            FROM unnest(${songRows.map(([id]) => id)}::text[], ${songRows.map(([, plays]) => plays)}::int[]) AS d(id, plays)
           WHERE s.id = d.id),
        artist_plays AS (
          UPDATE artists a SET play_count = a.play_count + d.plays
            FROM unnest(${artistRows.map(([id]) => id)}::text[], ${artistRows.map(([, plays]) => plays)}::int[]) AS d(id, plays)
           WHERE a.id = d.id)
        INSERT INTO instructor_artist_plays (instructor_id, artist_id, plays)
        SELECT d.instructor_id, d.artist_id, d.plays
          FROM unnest(${instructorIds}::text[], ${pairArtistIds}::text[], ${pairs.map((row) => row.plays)}::int[]) AS d(instructor_id, artist_id, plays)
         WHERE EXISTS (SELECT 1 FROM artists a WHERE a.id = d.artist_id)
        ON CONFLICT (instructor_id, artist_id) DO UPDATE SET plays = instructor_artist_plays.plays + excluded.plays`;
      // an instructor who no longer plays an artist has no row (as the aggregate has none)
      if (pairs.some((row) => row.plays < 0)) {
        await tx.$executeRaw`
          DELETE FROM instructor_artist_plays p
           USING unnest(${instructorIds}::text[], ${pairArtistIds}::text[]) AS d(instructor_id, artist_id)
           WHERE p.instructor_id = d.instructor_id AND p.artist_id = d.artist_id AND p.plays = 0`;
      }
    },
  };
}
