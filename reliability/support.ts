import { startApi } from "../harness/api";
import { commandDataDir, type ScratchDatabases, scratchDatabases, withDatabases } from "../harness/databases";
import { ingestFromSimulator } from "../harness/simulator";
import type { DatabaseConfig } from "../src/config";
import type { Databases } from "../src/db";
import { createApi } from "../src/server";
import { type Simulator, startSimulator } from "../src/simulator";

/** What the query mix asks about: values taken from the ingested catalogue. */
export interface CatalogueFacts {
  /** artists with the most songs, and words from song titles: search terms that match */
  artistNames: string[];
  songTitles: string[];
  /** classes with a playlist */
  classIds: string[];
  instructorIds: string[];
  disciplines: string[];
  /** original air times (ISO), oldest and newest */
  airedRange: [string, string];
  /** cursors of workouts well down the list (newest first) */
  deepCursors: string[];
}

export interface Catalogue {
  config: DatabaseConfig;
  /** the server's DATA_DIR: the embedded databases' own, or an empty one on PostgreSQL */
  dataDir: string;
  facts: CatalogueFacts;
  /** drops the databases */
  remove(): Promise<void>;
}

/**
 * A catalogue of `classes` simulated classes in every discipline, ingested by both stages into scratch
 * databases on the backend under test (TEST_DATABASE), or into the given ones, closed again so that a
 * server can open them.
 */
export async function ingestCatalogue(classes: number, databases?: ScratchDatabases): Promise<Catalogue> {
  const { config, remove } = databases ?? (await scratchDatabases());
  const { dataDir, remove: removeDataDir } = await commandDataDir(config);
  const sim = await startSimulator({ classes, seed: 7 });
  try {
    const facts = await withDatabases(config, async (opened) => {
      // a loaded machine (two cores, a server and a database) may answer slowly: the harness's 2 s timeout would fail a class
      const { sync, details } = await ingestFromSimulator(opened, sim, {
        sync: { categories: ["all"] },
        details: { batchSize: 0, concurrency: 4 },
        client: { timeoutMs: 30_000 },
      });
      if (sync.status !== "SUCCEEDED" || details.status !== "SUCCEEDED" || details.processed !== classes) {
        const failures = await opened.workouts.workout.findMany({ where: { detailsError: { not: null } }, select: { id: true, detailsError: true }, take: 5 });
        throw new Error(
          `ingesting the catalogue failed: sync ${sync.status}, details ${details.status} (${details.processed} of ${classes}): ${details.error ?? sync.error}; ${JSON.stringify(failures)}`,
        );
      }
      return catalogueFacts(opened, sim);
    });
    return {
      config,
      dataDir,
      facts,
      remove: async () => {
        await remove();
        await removeDataDir();
      },
    };
  } catch (error) {
    await Promise.all([remove(), removeDataDir()]);
    throw error;
  } finally {
    await sim.close();
  }
}

async function catalogueFacts(databases: Databases, sim: Simulator): Promise<CatalogueFacts> {
  const { detailed } = databases;
  const artists = await detailed.artist.findMany({ orderBy: [{ songs: { _count: "desc" } }, { id: "asc" }], take: 6, select: { name: true } });
  const songs = await detailed.song.findMany({ orderBy: { id: "asc" }, take: 6, select: { title: true } });
  const withPlaylist = sim.catalogue.classes.filter((c) => c.songIds.length > 0);
  const aired = await detailed.detailedWorkout.aggregate({ _min: { originalAirTime: true }, _max: { originalAirTime: true } });
  // the cursors are the API's own: ask it for the list, three pages of 100 deep
  const api = createApi(databases);
  const cursors: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 3; page++) {
    const response = await api.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "query ($after: String) { workouts(first: 100, after: $after) { edges { cursor } pageInfo { endCursor } } }",
        variables: { after },
      }),
    });
    const { data } = (await response.json()) as { data: { workouts: { edges: { cursor: string }[]; pageInfo: { endCursor: string | null } } } };
    cursors.push(...data.workouts.edges.map((edge) => edge.cursor));
    after = data.workouts.pageInfo.endCursor;
    if (!after) break;
  }
  const deep = cursors.slice(Math.floor(cursors.length / 2), -20);
  return {
    artistNames: artists.map((artist) => artist.name),
    // a word of the title: a search as people type it
    songTitles: songs.map(
      (song) =>
        song.title
          .split(" ")
          .filter((word) => /^\p{L}+$/u.test(word))
          .sort((a, b) => b.length - a.length)[0] ?? song.title,
    ),
    classIds: withPlaylist
      .filter((_, i) => i % Math.max(1, Math.floor(withPlaylist.length / 10)) === 0)
      .slice(0, 10)
      .map((c) => c.id),
    instructorIds: [...new Set(sim.catalogue.classes.map((c) => c.instructorId))].slice(0, 6),
    disciplines: sim.catalogue.disciplines,
    airedRange: [aired._min.originalAirTime!.toISOString(), aired._max.originalAirTime!.toISOString()],
    deepCursors: deep.filter((_, i) => i % Math.max(1, Math.floor(deep.length / 6)) === 0).slice(0, 6),
  };
}

/** `npm start` as its own process over the catalogue: on a free port, in production mode (as deployed). */
export const startServer = ({ config, dataDir }: Catalogue, env: Record<string, string> = {}) => startApi(config, { dataDir, env });

export interface GraphQLAnswer {
  status: number;
  /** the body as sent */
  text: string;
  /** the body parsed, when it is JSON */
  body?: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  retryAfter: string | null;
  ms: number;
}

/** POSTs an operation as a GraphQL-over-HTTP client does, and reads the whole answer. */
export async function post(
  url: string,
  { query, variables }: { query: string; variables?: Record<string, unknown> },
  timeoutMs = 30_000,
): Promise<GraphQLAnswer> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return { status: response.status, text, body: parseJson(text), retryAfter: response.headers.get("retry-after"), ms: performance.now() - started };
}

export function parseJson(text: string): GraphQLAnswer["body"] {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** A body that shows a stack trace or a source path: what must never reach a client. */
export const leaksInternals = (text: string) => /\n\s+at |\bat \S+ \(|\.(ts|js):\d+|node_modules|\/work\/|\/home\/|\/usr\//.test(text);
