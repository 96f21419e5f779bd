import DataLoader from "dataloader";
import { carriesToken } from "../admin-token";
import type { DetailedClient, WorkoutsClient } from "../db";
import type { BackgroundRuns } from "../ingest/background";
import type { RunEvents } from "../run-events";

/** What every resolver sees: the two databases' clients, this request's batch loaders, and what the mutations check. */
export interface Context {
  detailed: DetailedClient;
  workouts: WorkoutsClient;
  /** how many playlist entries play a song by each artist, batched per request */
  artistPlays: DataLoader<string, number>;
  /** the request's loader named `key`, made on first use: one batch for every parent asking a field with the same arguments and selection */
  loaderFor<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V>;
  /** each instructor's most played artists, most played first, batched per request */
  topArtists: DataLoader<{ instructorId: string; limit: number }, { artistId: string; plays: number }[], string>;
  /** the request's Authorization header */
  authorization: string | null;
  /** the mutations' token and background runs; absent when the server has no ADMIN_TOKEN */
  admin?: { token: string; runs: BackgroundRuns };
  /** whether the request carries the server's ADMIN_TOKEN */
  isAdmin: boolean;
  /** the runs this API's mutations started, told to the subscribers following them */
  runEvents: RunEvents;
  /** aborts when the request's client goes away (a subscriber that left) */
  clientGone?: AbortSignal;
}

export function createContext(
  databases: { detailed: DetailedClient; workouts: WorkoutsClient },
  request: Pick<Context, "authorization" | "admin" | "runEvents" | "clientGone">,
): Context {
  const { detailed } = databases;
  const isAdmin = request.admin !== undefined && carriesToken(request.authorization, request.admin.token);
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    ...databases,
    ...request,
    isAdmin,
    loaderFor<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>) {
      let loader = loaders.get(key) as DataLoader<K, V> | undefined;
      if (!loader) {
        loader = new DataLoader(batch);
        loaders.set(key, loader as DataLoader<unknown, unknown>);
      }
      return loader;
    },
    artistPlays: new DataLoader(async (artistIds) => {
      const rows = await detailed.$queryRaw<{ artist_id: string; plays: bigint }[]>`
        SELECT sa.artist_id, count(*) AS plays
          FROM song_artists sa JOIN playlist_entries pe ON pe.song_id = sa.song_id
         WHERE sa.artist_id = ANY(${[...artistIds]}::text[])
         GROUP BY sa.artist_id`;
      const plays = new Map(rows.map((row) => [row.artist_id, Number(row.plays)]));
      return artistIds.map((id) => plays.get(id) ?? 0);
    }),
    // one statement for every instructor asked for, however many pages and aliases ask: the longest list asked, cut to each one's
    topArtists: new DataLoader(
      async (keys) => {
        const instructorIds = [...new Set(keys.map((key) => key.instructorId))];
        const longest = Math.max(...keys.map((key) => key.limit));
        const rows = await detailed.$queryRaw<{ instructor_id: string; artist_id: string; plays: bigint }[]>`
          SELECT instructor_id, artist_id, plays FROM (
            SELECT w.instructor_id, sa.artist_id, count(*) AS plays,
                   row_number() OVER (PARTITION BY w.instructor_id ORDER BY count(*) DESC, sa.artist_id) AS rank
              FROM detailed_workouts w
              JOIN playlist_entries pe ON pe.workout_id = w.id
              JOIN song_artists sa ON sa.song_id = pe.song_id
             WHERE w.instructor_id = ANY(${instructorIds}::text[])
             GROUP BY w.instructor_id, sa.artist_id) ranked
           WHERE rank <= ${longest}
           ORDER BY instructor_id, rank`;
        const byInstructor = new Map<string, { artistId: string; plays: number }[]>();
        for (const row of rows) {
          const list = byInstructor.get(row.instructor_id) ?? [];
          list.push({ artistId: row.artist_id, plays: Number(row.plays) });
          byInstructor.set(row.instructor_id, list);
        }
        return keys.map(({ instructorId, limit }) => (byInstructor.get(instructorId) ?? []).slice(0, limit));
      },
      { cacheKeyFn: ({ instructorId, limit }) => `${limit}:${instructorId}` },
    ),
  };
}
