// The query benchmark's third side: PostGraphile 5, the GraphQL-over-PostgreSQL engine users would
// pick instead of this API, over the same database (bench/postgraphile/). Here: installing it on
// demand, giving the database the functions it needs (bench/peer-sql.ts), and each mix item as a
// PostGraphile query with its answer mapped into the API's shape, so that the sides can be compared.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { positionOf } from "../src/schema/cursors";
import { peerSchemaSql } from "./peer-sql";

export const peerDir = path.join(__dirname, "postgraphile");
/** written after `npm ci`: the lockfile it installed, so that a changed lockfile installs again */
const installedStamp = path.join(peerDir, "node_modules", ".bench-installed-lock");

const lockHash = () =>
  createHash("sha256")
    .update(readFileSync(path.join(peerDir, "package-lock.json")))
    .digest("hex");

/** `npm ci` in bench/postgraphile when its node_modules is missing or was installed from another lockfile (never during the catalogue's own install). */
export function installPeer(log: (line: string) => void): void {
  const wanted = lockHash();
  if (existsSync(installedStamp) && readFileSync(installedStamp, "utf8") === wanted) return;
  log("  installing PostGraphile into bench/postgraphile (npm ci, once)…");
  // without the catalogue's npm settings, which npm run passes down as npm_config_* (engine-strict among them)
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith("npm_config_")));
  // PostGraphile 5 asks for Node 22; on Node 20 server.mjs polyfills what it needs
  execFileSync("npm", ["ci", "--ignore-scripts", "--engine-strict=false", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: peerDir,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  writeFileSync(installedStamp, wanted);
}

/** The installed versions, for the results file. */
export function peerVersions(): Record<string, string> {
  const version = (name: string) => (JSON.parse(readFileSync(path.join(peerDir, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  return Object.fromEntries(["postgraphile", "@graphile/simplify-inflection", "postgraphile-plugin-connection-filter"].map((name) => [name, version(name)]));
}

/** (Re)creates the peer's schema and functions in the detailed database. */
export async function preparePeerDatabase(detailedUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: detailedUrl });
  await client.connect();
  try {
    await client.query(peerSchemaSql());
  } finally {
    await client.end();
  }
}

type Variables = Record<string, unknown>;
/** Sends a query to the peer and answers its data. */
export type AskPeer = (query: string, variables: Variables) => Promise<unknown>;

export interface PeerQuery {
  query: string;
  /** the peer's variables for each of the item's parameter sets, in order */
  variables(sets: Variables[], ask: AskPeer): Promise<Variables[]>;
  /** the peer's data in the shape the API answers it (bench/mix.ts), ids as Peloton ids */
  answer(data: unknown): unknown;
}

interface PeerWorkout {
  rowId: string;
  title: string;
  fitnessDiscipline: string | null;
  duration: number | null;
  originalAirTime: string | null;
  difficultyRatingAvg: number | null;
  instructor: { rowId: string; name: string } | null;
}
interface PeerSong {
  rowId: string;
  title: string;
  artistNames: string;
}
interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

// PostGraphile answers timestamps with microseconds and an offset; the API as JavaScript writes them
const iso = (time: string | null) => (time === null ? null : new Date(time).toISOString());
const same = (variables: Variables[]) => Promise.resolve(variables);
// newest first, as the API lists classes; ties by id
const newestFirst = "orderBy: [ORIGINAL_AIR_TIME_DESC, ROW_ID_ASC]";

/** Each mix item (by key) as PostGraphile is asked for it. */
export const peerQueries: Record<string, PeerQuery> = {
  searchArtist: songSearch(),
  searchTitle: songSearch(),

  classPlaylist: {
    query: `query ClassPlaylist($id: String!) {
      detailedWorkout(rowId: $id) {
        rowId title fitnessDiscipline duration originalAirTime
        instructor { rowId name }
        playlistEntriesByWorkoutId(orderBy: PRIMARY_KEY_ASC) { nodes { position startOffsetSeconds song { rowId title artistNames } } }
      }
    }`,
    variables: same,
    answer(data) {
      const { detailedWorkout: w } = data as {
        detailedWorkout:
          | (PeerWorkout & { playlistEntriesByWorkoutId: { nodes: { position: number; startOffsetSeconds: number | null; song: PeerSong }[] } })
          | null;
      };
      if (!w) return { workout: null };
      return {
        workout: {
          id: w.rowId,
          title: w.title,
          discipline: w.fitnessDiscipline,
          durationSeconds: w.duration,
          airedAt: iso(w.originalAirTime),
          instructor: w.instructor && { id: w.instructor.rowId, name: w.instructor.name },
          playlist: w.playlistEntriesByWorkoutId.nodes.map((entry) => ({
            position: entry.position,
            startOffsetSeconds: entry.startOffsetSeconds,
            song: { id: entry.song.rowId, title: entry.song.title, artistNames: entry.song.artistNames },
          })),
        },
      };
    },
  },

  instructorClasses: {
    query: `query InstructorClasses($id: String!) {
      instructor(rowId: $id) {
        rowId name
        detailedWorkouts(first: 20, ${newestFirst}) { totalCount nodes { rowId title fitnessDiscipline duration originalAirTime } }
        topArtists(top: 10) { nodes { plays artist { rowId name } } }
      }
    }`,
    variables: same,
    answer(data) {
      const { instructor: i } = data as {
        instructor: {
          rowId: string;
          name: string;
          detailedWorkouts: { totalCount: number; nodes: PeerWorkout[] };
          topArtists: { nodes: { plays: number; artist: { rowId: string; name: string } }[] };
        } | null;
      };
      if (!i) return { instructor: null };
      return {
        instructor: {
          id: i.rowId,
          name: i.name,
          workouts: {
            totalCount: i.detailedWorkouts.totalCount,
            edges: i.detailedWorkouts.nodes.map((w) => ({
              node: { id: w.rowId, title: w.title, discipline: w.fitnessDiscipline, durationSeconds: w.duration, airedAt: iso(w.originalAirTime) },
            })),
          },
          topArtists: i.topArtists.nodes.map(({ plays, artist }) => ({ plays, artist: { id: artist.rowId, name: artist.name } })),
        },
      };
    },
  },

  filteredWorkouts: {
    query: `query FilteredWorkouts($filter: DetailedWorkoutFilter!) {
      detailedWorkouts(filter: $filter, first: 20, ${newestFirst}) {
        totalCount
        nodes { rowId title duration originalAirTime difficultyRatingAvg instructor { name } }
        pageInfo { hasNextPage endCursor }
      }
    }`,
    // the API's WorkoutFilter in connection-filter's terms
    variables: (sets) =>
      same(
        sets.map(({ filter }) => {
          const { discipline, minDuration, maxDuration, airedAfter } = filter as Variables;
          return {
            filter: {
              fitnessDiscipline: { equalTo: discipline },
              duration: { greaterThanOrEqualTo: minDuration, lessThanOrEqualTo: maxDuration },
              originalAirTime: { greaterThan: airedAfter },
            },
          };
        }),
      ),
    answer(data) {
      const { detailedWorkouts: page } = data as { detailedWorkouts: { totalCount: number; nodes: PeerWorkout[]; pageInfo: PageInfo } };
      return {
        workouts: {
          totalCount: page.totalCount,
          edges: page.nodes.map((w) => ({
            node: {
              id: w.rowId,
              title: w.title,
              durationSeconds: w.duration,
              airedAt: iso(w.originalAirTime),
              difficulty: w.difficultyRatingAvg,
              instructor: w.instructor && { name: w.instructor.name },
            },
          })),
          pageInfo: page.pageInfo,
        },
      };
    },
  },

  deepPage: {
    query: `query DeepPage($after: Cursor!) {
      detailedWorkouts(first: 20, after: $after, ${newestFirst}) {
        nodes { rowId title fitnessDiscipline originalAirTime }
        pageInfo { hasNextPage endCursor }
      }
    }`,
    // PostGraphile's own cursors for the classes the API's cursors name (a cursor depends on the order, not the filter)
    async variables(sets, ask) {
      const ids = sets.map(({ after }) => positionOf(String(after), "after").id);
      const data = (await ask(
        `query Cursors($ids: [String!]!) { detailedWorkouts(filter: { rowId: { in: $ids } }, ${newestFirst}) { edges { cursor node { rowId } } } }`,
        {
          ids,
        },
      )) as { detailedWorkouts: { edges: { cursor: string; node: { rowId: string } }[] } };
      const cursors = new Map(data.detailedWorkouts.edges.map(({ cursor, node }) => [node.rowId, cursor]));
      return ids.map((id) => {
        const after = cursors.get(id);
        if (!after) throw new Error(`PostGraphile has no class ${id}, where the API's deep page starts`);
        return { after };
      });
    },
    answer(data) {
      const { detailedWorkouts: page } = data as { detailedWorkouts: { nodes: PeerWorkout[]; pageInfo: PageInfo } };
      return {
        workouts: {
          edges: page.nodes.map((w) => ({ node: { id: w.rowId, title: w.title, discipline: w.fitnessDiscipline, airedAt: iso(w.originalAirTime) } })),
          pageInfo: page.pageInfo,
        },
      };
    },
  },
};

/** A search ranked as the API ranks it (postgraphile_peer.search_songs): each match carries its plays and how many match in all. */
function songSearch(): PeerQuery {
  return {
    query: `query SongSearch($search: String!) {
      searchSongs(search: $search) { nodes { plays total song { rowId title artistNames } } }
    }`,
    variables: same,
    answer(data) {
      const { searchSongs } = data as { searchSongs: { nodes: { plays: number; total: number; song: PeerSong }[] } };
      const { nodes } = searchSongs;
      return {
        songs: {
          totalCount: nodes[0]?.total ?? 0,
          edges: nodes.map(({ plays, song }) => ({ node: { id: song.rowId, title: song.title, artistNames: song.artistNames, playCount: plays } })),
        },
      };
    },
  };
}

/** The class a cursor points at, for comparing pages whose cursors are written differently: the API's (and its raw twin's) or PostGraphile's. */
export type CursorReader = (cursor: string) => string | null;

export const apiCursorRow: CursorReader = (cursor) => {
  try {
    return positionOf(cursor, "endCursor").id;
  } catch {
    return null;
  }
};

/** PostGraphile's cursors are base64 JSON: the order's digest, the row's values in that order, then its primary key. */
export const peerCursorRow: CursorReader = (cursor) => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64").toString());
    const id = Array.isArray(parsed) ? parsed.at(-1) : undefined;
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
};

/**
 * The answer with each `endCursor` replaced by the class it points at (`{ row: id }`), or by
 * `{ unreadable: cursor }` when it points at none (an empty string, say): null stays null.
 */
export function withCursorRows(answer: unknown, read: CursorReader): unknown {
  if (Array.isArray(answer)) return answer.map((value) => withCursorRows(value, read));
  if (answer === null || typeof answer !== "object") return answer;
  return Object.fromEntries(
    Object.entries(answer).map(([key, value]) => {
      if (key !== "endCursor" || typeof value !== "string") return [key, withCursorRows(value, read)];
      const row = read(value);
      return [key, row === null ? { unreadable: value } : { row }];
    }),
  );
}
