import DataLoader from "dataloader";
import { carriesToken } from "../admin-token";
import { type DetailedClient, sqlReaderOf, type WorkoutsClient } from "../db";
import { Prisma } from "../db/generated/detailed/client";
import { idsTable } from "../db/plain-reads";
import type { BackgroundRuns } from "../ingest/background";
import type { RunEvents } from "../run-events";

/** What every resolver sees: the two databases' clients, this request's batch loaders, and what the mutations check. */
/** An artist an instructor plays, how many times, and the artist's row (the columns the Artist type selects). */
export interface ArtistPlaysRow {
  plays: number;
  artist: { id: string; name: string; playCount: number };
}

export interface Context {
  detailed: DetailedClient;
  workouts: WorkoutsClient;
  /** the request's loader named `key`, made on first use: one batch for every parent asking a field with the same arguments and selection */
  loaderFor<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V>;
  /** each instructor's most played artists with their rows, most played first (then by artist id), batched per request: read from instructor_artist_plays */
  topArtists: DataLoader<{ instructorId: string; limit: number }, ArtistPlaysRow[], string>;
  /** the length of each parent's list the request's pages read, by "Type.field parentId" (pages.ts: childPage, childCount) */
  totals: Map<string, number>;
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
  const { detailed, workouts } = databases;
  const { authorization, admin, runEvents, clientGone } = request;
  const isAdmin = admin !== undefined && carriesToken(authorization, admin.token);
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  // each property named: two object spreads cost a request more than the rest of this function (V8 copies the second one property by property)
  return {
    detailed,
    workouts,
    authorization,
    admin,
    runEvents,
    clientGone,
    isAdmin,
    totals: new Map(),
    loaderFor<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>) {
      let loader = loaders.get(key) as DataLoader<K, V> | undefined;
      if (!loader) {
        loader = new DataLoader(batch);
        loaders.set(key, loader as DataLoader<unknown, unknown>);
      }
      return loader;
    },
    // one statement for every instructor asked for, however many pages and aliases ask: the longest list asked, cut to each one's
    topArtists: new DataLoader(
      async (keys) => {
        const instructorIds = [...new Set(keys.map((key) => key.instructorId))];
        const longest = Math.max(...keys.map((key) => key.limit));
        // each one's first rows of the index on (instructor_id, plays DESC, artist_id): the order the aggregate was ranked in
        const rows = await sqlReaderOf(detailed)<{ instructor_id: string; artist_id: string; plays: number; name: string; play_count: number }>(Prisma.sql`
          SELECT i.instructor_id, top.artist_id, top.plays, a.name, a.play_count
            FROM ${idsTable("i", "instructor_id", instructorIds)}
           CROSS JOIN LATERAL (
             SELECT p.artist_id, p.plays FROM instructor_artist_plays p
              WHERE p.instructor_id = i.instructor_id AND p.plays > 0
              ORDER BY p.plays DESC, p.artist_id LIMIT ${longest}) top
            JOIN artists a ON a.id = top.artist_id
           ORDER BY i.instructor_id, top.plays DESC, top.artist_id`);
        const byInstructor = new Map<string, ArtistPlaysRow[]>();
        for (const row of rows) {
          const list = byInstructor.get(row.instructor_id) ?? [];
          list.push({ plays: row.plays, artist: { id: row.artist_id, name: row.name, playCount: row.play_count } });
          byInstructor.set(row.instructor_id, list);
        }
        return keys.map(({ instructorId, limit }) => (byInstructor.get(instructorId) ?? []).slice(0, limit));
      },
      { cacheKeyFn: ({ instructorId, limit }) => `${limit}:${instructorId}` },
    ),
  };
}
