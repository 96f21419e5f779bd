import DataLoader from "dataloader";
import type { DetailedClient, WorkoutsClient } from "../db";
import type { BackgroundRuns } from "../ingest/background";

/** What every resolver sees: the two databases' clients, this request's batch loaders, and what the mutations check. */
export interface Context {
  detailed: DetailedClient;
  workouts: WorkoutsClient;
  /** how many playlist entries play a song by each artist, batched per request */
  artistPlays: DataLoader<string, number>;
  /** the request's Authorization header */
  authorization: string | null;
  /** the mutations' token and background runs; absent when the server has no ADMIN_TOKEN */
  admin?: { token: string; runs: BackgroundRuns };
}

export function createContext(
  databases: { detailed: DetailedClient; workouts: WorkoutsClient },
  request: Pick<Context, "authorization" | "admin">,
): Context {
  const { detailed } = databases;
  return {
    ...databases,
    ...request,
    artistPlays: new DataLoader(async (artistIds) => {
      const rows = await detailed.$queryRaw<{ artist_id: string; plays: bigint }[]>`
        SELECT sa.artist_id, count(*) AS plays
          FROM song_artists sa JOIN playlist_entries pe ON pe.song_id = sa.song_id
         WHERE sa.artist_id = ANY(${[...artistIds]}::text[])
         GROUP BY sa.artist_id`;
      const plays = new Map(rows.map((row) => [row.artist_id, Number(row.plays)]));
      return artistIds.map((id) => plays.get(id) ?? 0);
    }),
  };
}
