// The benchmark's baseline: the query mix's data fetched with hand-written SQL and served as the
// same JSON the GraphQL API answers ({"data": …}), over plain node:http. One statement per request.
// Run as a child process: DETAILED_DATABASE_URL (PostgreSQL, through a pg Pool) or DATA_DIR (PGlite).
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { openEmbeddedInstances } from "../src/db";
import { Prisma } from "../src/db/generated/detailed/client";
import { isoText as iso } from "../src/db/plain-reads";
import { foldForSearch, searchPageStatement } from "../src/db/search";
import { positionOf, workoutCursor } from "../src/schema/cursors";

export type Query = <Row>(text: string, params: unknown[]) => Promise<Row[]>;
type Variables = Record<string, unknown>;

// the cursors the API hands out for a list of classes newest first: the class's id and air date
export const cursorOf = (id: string, airedAt: string | null) =>
  workoutCursor({ id, originalAirTime: airedAt === null ? null : new Date(airedAt), difficultyRatingAvg: null }, "originalAirTime");

/** A page of `first` from `rows` fetched with one row more: the edges and pageInfo the API answers. */
function page<T extends { id: string; airedAt: string | null }>(rows: T[], first: number) {
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return { edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursorOf(last.id, last.airedAt) : null } };
}

/** Each route answers one query of the mix (bench/mix.ts), given that query's GraphQL variables. */
export const routes: Record<string, (query: Query, variables: Variables) => Promise<unknown>> = {
  async songSearch(query, { search }) {
    // the API's own page of a search (matching, ranking, ties broken by plays then title); its plays are the playCount
    const matches = searchPageStatement("songs", foldForSearch(String(search).trim()), { limit: 20, backward: false });
    const statement = Prisma.sql`WITH page AS (${matches})
       SELECT (SELECT total::int FROM page LIMIT 1) AS total_count,
              coalesce((SELECT json_agg(json_build_object('node', json_build_object(
                          'id', s.id, 'title', s.title, 'artistNames', s.artist_names, 'playCount', page.plays::int))
                        ORDER BY page.rank, page.plays DESC, page.name, page.id)
                          FROM page JOIN songs s ON s.id = page.id), '[]') AS edges`;
    const [row] = await query<{ total_count: number; edges: unknown[] }>(statement.text, statement.values);
    return { songs: { totalCount: row!.total_count, edges: row!.edges } };
  },

  async classPlaylist(query, { id }) {
    const [workout] = await query<Record<string, unknown>>(
      `SELECT w.id, w.title, w.fitness_discipline AS discipline, w.duration AS "durationSeconds", ${iso("w.original_air_time")} AS "airedAt",
              CASE WHEN i.id IS NOT NULL THEN json_build_object('id', i.id, 'name', i.name) END AS instructor,
              coalesce((SELECT json_agg(json_build_object('position', pe.position, 'startOffsetSeconds', pe.start_offset_seconds,
                                 'song', json_build_object('id', s.id, 'title', s.title, 'artistNames', s.artist_names)) ORDER BY pe.position)
                          FROM playlist_entries pe JOIN songs s ON s.id = pe.song_id WHERE pe.workout_id = w.id), '[]') AS playlist
         FROM detailed_workouts w LEFT JOIN instructors i ON i.id = w.instructor_id
        WHERE w.id = $1`,
      [id],
    );
    return { workout: workout ?? null };
  },

  async instructorClasses(query, { id }) {
    const [row] = await query<{ id: string; name: string; total_count: number; edges: unknown[]; top_artists: unknown[] }>(
      `SELECT i.id, i.name,
              (SELECT count(*)::int FROM detailed_workouts w WHERE w.instructor_id = i.id) AS total_count,
              coalesce((SELECT json_agg(json_build_object('node', json_build_object('id', w.id, 'title', w.title, 'discipline', w.fitness_discipline,
                                 'durationSeconds', w.duration, 'airedAt', ${iso("w.original_air_time")})) ORDER BY w.original_air_time DESC, w.id)
                          FROM (SELECT * FROM detailed_workouts w WHERE w.instructor_id = i.id ORDER BY w.original_air_time DESC, w.id LIMIT 20) w), '[]') AS edges,
              coalesce((SELECT json_agg(json_build_object('plays', t.plays, 'artist', json_build_object('id', a.id, 'name', a.name)) ORDER BY t.plays DESC, t.artist_id)
                          FROM (SELECT sa.artist_id, count(*)::int AS plays
                                  FROM detailed_workouts w
                                  JOIN playlist_entries pe ON pe.workout_id = w.id
                                  JOIN song_artists sa ON sa.song_id = pe.song_id
                                 WHERE w.instructor_id = i.id
                                 GROUP BY sa.artist_id ORDER BY plays DESC, sa.artist_id LIMIT 10) t
                          JOIN artists a ON a.id = t.artist_id), '[]') AS top_artists
         FROM instructors i WHERE i.id = $1`,
      [id],
    );
    if (!row) return { instructor: null };
    return { instructor: { id: row.id, name: row.name, workouts: { totalCount: row.total_count, edges: row.edges }, topArtists: row.top_artists } };
  },

  async filteredWorkouts(query, { filter }) {
    const { discipline, minDuration, maxDuration, airedAfter } = filter as Variables;
    const where = "w.fitness_discipline = $1 AND w.duration >= $2 AND w.duration <= $3 AND w.original_air_time > $4";
    const [row] = await query<{ total_count: number; rows: { id: string; airedAt: string | null }[] }>(
      `SELECT (SELECT count(*)::int FROM detailed_workouts w WHERE ${where}) AS total_count,
              coalesce((SELECT json_agg(json_build_object('id', p.id, 'title', p.title, 'durationSeconds', p.duration, 'airedAt', ${iso("p.original_air_time")},
                                 'difficulty', p.difficulty_rating_avg, 'instructor', CASE WHEN p.instructor_name IS NOT NULL THEN json_build_object('name', p.instructor_name) END)
                                 ORDER BY p.original_air_time DESC, p.id)
                          FROM (SELECT w.*, i.name AS instructor_name FROM detailed_workouts w LEFT JOIN instructors i ON i.id = w.instructor_id
                                 WHERE ${where} ORDER BY w.original_air_time DESC, w.id LIMIT 21) p), '[]') AS rows`,
      [discipline, minDuration, maxDuration, airedAfter],
    );
    return { workouts: { totalCount: row!.total_count, ...page(row!.rows, 20) } };
  },

  async deepPage(query, { after }) {
    // the cursor carries the class's air date, as the API's do (the mix's classes all have one)
    const { id, sorted } = positionOf(String(after), "after");
    if (!(sorted?.value instanceof Date)) throw new Error(`deepPage: a cursor without an air date: ${String(after)}`);
    const [row] = await query<{ rows: { id: string; airedAt: string | null }[] }>(
      `SELECT coalesce(json_agg(json_build_object('id', p.id, 'title', p.title, 'discipline', p.fitness_discipline, 'airedAt', ${iso("p.original_air_time")})
                                ORDER BY p.original_air_time DESC, p.id), '[]') AS rows
         FROM (SELECT w.id, w.title, w.fitness_discipline, w.original_air_time
                 FROM detailed_workouts w
                WHERE w.original_air_time <= $2 AND (w.original_air_time < $2 OR w.id > $1)
                ORDER BY w.original_air_time DESC, w.id LIMIT 21) p`,
      [id, sorted.value],
    );
    return { workouts: page(row!.rows, 20) };
  },
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

/** POST /<route> with the query's variables as JSON: {"data": …} as the GraphQL API would answer it. */
export function rawApi(query: Query) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const route = routes[(request.url ?? "").slice(1)];
    if (request.method !== "POST" || !route) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = JSON.stringify({ data: await route(query, JSON.parse(await readBody(request)) as Variables) });
      response.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) }).end(body);
    } catch (error) {
      process.stderr.write(`${(error as Error).stack}\n`);
      response.writeHead(500).end();
    }
  };
}

async function openQuery(): Promise<{ query: Query; close(): Promise<void> }> {
  const url = process.env.DETAILED_DATABASE_URL;
  if (url) {
    // the size the API's pool has too (pg's default, through PrismaPg)
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return { query: async (text, params) => (await pool.query(text, params)).rows, close: () => pool.end() };
  }
  const dataDir = process.env.DATA_DIR;
  if (!dataDir) throw new Error("Set DETAILED_DATABASE_URL (PostgreSQL) or DATA_DIR (the embedded databases).");
  const embedded = await openEmbeddedInstances(dataDir);
  return { query: async <Row>(text: string, params: unknown[]) => (await embedded.detailed.query<Row>(text, params)).rows, close: () => embedded.close() };
}

async function main() {
  const database = await openQuery();
  const server = createServer(rawApi(database.query));
  server.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
  await once(server, "listening");
  process.stdout.write(`Raw SQL API on http://127.0.0.1:${(server.address() as AddressInfo).port}/\n`);
  await Promise.race([once(process, "SIGTERM"), once(process, "SIGINT")]);
  server.close();
  server.closeAllConnections();
  await database.close();
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
