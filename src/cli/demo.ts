// npm run demo: the whole job offline, on a fresh clone. The bundled Peloton simulator, both stages
// against it into embedded databases, then the API with GraphiQL and queries to paste.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { type Config, type DatabaseConfig, describeCatalogue } from "../config";
import { type Databases, openDatabases } from "../db";
import type { IngestDeps } from "../ingest/deps";
import type { IngestRun } from "../ingest/runs";
import { runStage } from "../ingest/stage";
import { stages } from "../ingest/stages";
import { startSimulator } from "../simulator";
import { commonUsage, parseOptions, readCommandLine, wholeNumber } from "./args";
import { pelotonClient } from "./ingest-command";
import { createProgressDisplay } from "./progress";
import { runCli } from "./run";
import { listen, serveApi } from "./serve";
import { onStopSignals } from "./stop-signals";

const usage = `Usage: npm run demo -- [options]

Starts the bundled Peloton API simulator, lists its classes and reads their playlists into embedded
databases in DATA_DIR/demo (the database URLs and PELOTON_* settings are not used), then serves the
GraphQL API on PORT (default 4000) and prints the GraphiQL URL, an admin token for the mutations and
example queries. Run it again and it starts where the last one stopped. Ctrl-C stops it; then
\`npm start -- --data-dir DATA_DIR/demo\` serves its catalogue again.

Options:
  --classes N       classes in the simulated catalogue (default 300)
${commonUsage}  -h, --help        show this help
`;

const options = readCommandLine(usage, () => {
  const values = parseOptions(process.argv.slice(2), { classes: { type: "string" }, help: { type: "boolean", short: "h" } });
  return values.help ? "help" : { classes: wholeNumber("classes", values.classes ?? "300", 1) };
});

if (options) {
  process.env.LOG_LEVEL ??= "warn"; // the demo's own lines tell the story; LOG_LEVEL=info shows the logs too
  runCli(
    async (config, logger) => {
      const server = await listen(config); // a taken port is said now, not after the ingestion
      const sim = await startSimulator({ classes: options.classes });
      const database = demoDatabase(config);
      const { dataDir } = database;
      const demo: Config = {
        ...config,
        dataDir,
        database,
        peloton: {
          ...config.peloton,
          apiUrl: sim.apiUrl,
          authUrl: sim.authUrl,
          auth0: sim.auth0, // the simulator's Auth0 client, whatever PELOTON_AUTH0_* say
          authMode: "oauth",
          username: sim.credentials.username,
          password: sim.credentials.password,
          accessToken: undefined,
          refreshToken: undefined,
          requestDelayMs: 0,
          pageDelayMs: 0,
          jitterMs: 0,
        },
      };
      process.stdout.write(`${describeCatalogue(database)}, the demo's own\nPeloton simulator with ${options.classes} classes on ${sim.url}\n`);
      const databases = await openDatabases(demo.database, { logger });
      try {
        const peloton = pelotonClient(demo, logger);
        const deps = { workouts: databases.workouts, detailed: databases.detailed, peloton, logger };
        if (!(await ingest(deps))) return;
        const adminToken = config.adminToken ?? randomBytes(24).toString("hex");
        const { artist, examples } = await exampleQueries(databases);
        await serveApi(demo, logger, databases, {
          server,
          welcomeArtist: artist,
          adminToken,
          peloton,
          banner: (url) =>
            `\nThe web app: ${new URL("/", url)} (open it in a browser)\nGraphiQL: ${url}\n` +
            `Admin token for the mutations: ${adminToken}\n` +
            `  (send it as the header  Authorization: Bearer ${adminToken})\n` +
            `\nQueries to paste into GraphiQL:\n\n${examples.map(({ title, query }) => `# ${title}\n${query}\n`).join("\n")}\nCtrl-C stops the demo.\n`,
        });
        process.stdout.write(`\nThe demo stopped. Its catalogue stays in ${shown(dataDir)}: \`npm start -- --data-dir ${shown(dataDir)}\` serves it again.\n`);
      } finally {
        await databases.close();
        await sim.close();
      }
    },
    { catalogue: demoDatabase },
  );
}

/** The demo's catalogue: embedded databases of its own under DATA_DIR, whatever the database settings say. */
function demoDatabase(config: Config): Extract<DatabaseConfig, { kind: "embedded" }> {
  return { kind: "embedded", dataDir: path.join(config.dataDir, "demo") };
}

/** A directory as the user would type it: relative to the current one when inside it. */
function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : dir;
}

/** Both stages, with progress; false if Ctrl-C stopped them (the next demo resumes) or one failed. */
async function ingest(deps: Omit<IngestDeps, "signal" | "onProgress">): Promise<boolean> {
  const stop = onStopSignals(() => process.stderr.write("\nStopping after the current step (again to stop at once)\n"));
  try {
    for (const stage of stages) {
      const progress = createProgressDisplay({ name: stage.command, unit: stage.step.many, counts: stage.counts });
      let run: IngestRun;
      try {
        run = await runStage(stage, { ...deps, signal: stop.signal, onProgress: progress.update }, stage.demo);
      } finally {
        progress.stop();
      }
      process.stdout.write(`${stage.summary(run)}\n`);
      if (run.status !== "SUCCEEDED") return false;
    }
    return true;
  } finally {
    stop.dispose();
  }
}

/**
 * Queries over what the demo loaded: an artist's songs, the classes that play them with a filter
 * menu's counts, a class's playlist, an instructor's top artists; and that artist, the most played,
 * for GraphiQL's first tab.
 */
async function exampleQueries({ detailed }: Databases): Promise<{ artist?: string; examples: { title: string; query: string }[] }> {
  const [artist] = await detailed.$queryRaw<{ name: string }[]>`
    SELECT a.name FROM artists a JOIN song_artists sa ON sa.artist_id = a.id JOIN playlist_entries pe ON pe.song_id = sa.song_id
     GROUP BY a.id, a.name ORDER BY count(*) DESC, a.name LIMIT 1`;
  const workout = await detailed.detailedWorkout.findFirst({ where: { playlist: { some: {} } }, orderBy: [{ originalAirTime: "desc" }, { id: "asc" }] });
  const instructor = await detailed.instructor.findFirst({ orderBy: [{ workouts: { _count: "desc" } }, { id: "asc" }] });
  const examples = [
    {
      title: `Songs by ${artist?.name}, the most played artist`,
      query: `{ songs(search: ${JSON.stringify(artist?.name ?? "")}, first: 5) { totalCount edges { node { title artistNames albumName playCount } } } }`,
    },
    {
      title: `Classes that play ${artist?.name}, with the counts a filter menu shows, and the songs that matched`,
      query: `{ workoutFacets(filter: { artist: ${JSON.stringify(artist?.name ?? "")} }) { total disciplines { discipline count } durations { durationSeconds count } } workouts(filter: { artist: ${JSON.stringify(artist?.name ?? "")} }, first: 3) { edges { node { title pelotonUrl } matches { position song { title } } } } }`,
    },
    {
      title: `The playlist of "${workout?.title}"`,
      query: `{ workout(id: ${JSON.stringify(workout?.id ?? "")}) { title discipline airedAt instructor { name } playlist { position startOffsetSeconds song { title artistNames } } } }`,
    },
    {
      title: `${instructor?.name}'s top artists`,
      query: `{ instructor(id: ${JSON.stringify(instructor?.id ?? "")}) { name workouts(first: 1) { totalCount } topArtists(limit: 5) { plays artist { name } } } }`,
    },
  ];
  return { artist: artist?.name, examples };
}
