// npm run import-legacy: the original scripts' databases into the catalogue, without a single Peloton request.
import { appendFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseEnv } from "node:util";
import {
  type Config,
  ConfigError,
  type DatabaseConfig,
  databaseName,
  databaseNameOf,
  databaseUrl,
  describeCatalogue,
  describeServer,
  redactSecrets,
  sameDatabase,
} from "../config";
import { openDatabases } from "../db";
import { ForeignTablesError } from "../db/migrate";
import { type ImportProgress, type ImportSummary, importLegacy, type PendingClass } from "../ingest/import-legacy";
import { type LegacyDatabases, type LegacySource, legacyDatabaseNames, openLegacyDatabases } from "../ingest/legacy-source";
import { commonOptionRows, parseOptions, readCommandLine, UsageError } from "./args";
import { createProgressDisplay } from "./progress";
import { runCli } from "./run";
import { onStopSignals, signalExitCode } from "./stop-signals";

const usage = `Usage: npm run import-legacy -- [--from postgresql://user:password@host:port] [options]

Imports the classes the original scripts (saveWorkouts.js, fetchDetailedWorkouts.js) kept in their PostgreSQL
databases into the catalogue, without asking Peloton anything. Each class whose full_details holds its details
answer is stored with its instructor and playlist (songs, every credited artist, albums) as \`npm run details\`
stores it; the other classes are listed and left for \`npm run details\` to fetch. The scripts' databases are
only read. Classes the catalogue has already are skipped, so the import can be run again, or resumed after
Ctrl-C. The catalogue is the configured one; when that would be the scripts' own databases (an original .env
with DB_* alone), it becomes catalogue_workouts and catalogue_detailed on the same server, and ./.env says so.
Settings come from the environment and ./.env (see README.md, Configuration).

Options:
  --from URL          the PostgreSQL server of the scripts' databases, without a database (default: the
                      server DB_USER, DB_HOST, DB_PASSWORD and DB_PORT name)
  --workouts-db NAME  the database of their class list, workouts (default ${legacyDatabaseNames.workouts})
  --detailed-db NAME  the database of detailed_workouts, instructors and songs (default ${legacyDatabaseNames.detailed})
${commonOptionRows.map(([flag, text]) => `  ${flag.padEnd(18)}  ${text}\n`).join("")}  -h, --help          show this help

Exit code: 0 when the import finished (pending classes included), 1 when it failed, 2 for a bad option,
130 (Ctrl-C) or 143 (SIGTERM) when it was stopped.
`;

interface ImportArguments {
  from?: string;
  workoutsDb: string;
  detailedDb: string;
}

function parseImportArguments(argv: string[]): ImportArguments | "help" {
  const values = parseOptions(argv, {
    from: { type: "string" },
    "workouts-db": { type: "string" },
    "detailed-db": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return "help";
  return {
    from: values.from === undefined ? undefined : serverOption(values.from),
    workoutsDb: databaseOption("workouts-db", values["workouts-db"]) ?? legacyDatabaseNames.workouts,
    detailedDb: databaseOption("detailed-db", values["detailed-db"]) ?? legacyDatabaseNames.detailed,
  };
}

/** --from: a PostgreSQL server's URL; a database in its path is a mistake, since the databases are named apart. */
function serverOption(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^postgres(ql)?:$/.test(url.protocol) || !(url.hostname || url.searchParams.get("host"))) {
    throw new UsageError(
      `--from must be a PostgreSQL server such as postgresql://user:password@localhost:5432, got "${redactSecrets(value)}" ` +
        "(in a user name or password, write # as %23, / as %2F, ? as %3F and @ as %40)",
    );
  }
  if (url.pathname !== "" && url.pathname !== "/") {
    const server = describeServer(databaseUrl(value, ""));
    throw new UsageError(
      `--from names a server, not a database: give ${server} (the databases are --workouts-db and --detailed-db, by default ${legacyDatabaseNames.workouts} and ${legacyDatabaseNames.detailed})`,
    );
  }
  return value;
}

/**
 * --workouts-db, --detailed-db: the rule of DB_WORKOUTS_NAME and DB_DETAILED_NAME (src/config.ts), since the
 * name goes into a URL's path as it is, where ?, # and % would end or garble it.
 */
function databaseOption(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const name = databaseName.safeParse(value);
  if (!name.success) throw new UsageError(`--${flag} ${name.error.issues[0]?.message} (got "${value}")`);
  return name.data;
}

const options = readCommandLine(usage, () => parseImportArguments(process.argv.slice(2)));

if (options) {
  runCli(
    async (config, logger) => {
      const source = sourceOf(options, config);
      const { database, moved } = catalogueFor(config, source);
      const legacy = await openLegacyDatabases(source, logger);
      try {
        const databases = await openDatabases(database, { logger }).catch((error: unknown) => {
          throw error instanceof ForeignTablesError && database.kind === "postgres" ? new ConfigError(scriptsTablesInCatalogue(error, database)) : error;
        });
        try {
          if (moved) process.stdout.write(await recordCatalogueNames(source, database));
          const summary = await withProgress((signal, onProgress) => importLegacy({ ...databases, logger, signal }, legacy, onProgress));
          process.stdout.write(await report(summary.result, legacy, database, config.dataDir));
          if (summary.result.stopped && summary.signal) process.exitCode = signalExitCode(summary.signal);
        } finally {
          await databases.close();
        }
      } finally {
        await legacy.close();
      }
    },
    // the first line names the catalogue the import writes to, which may not be the configured one
    { catalogue: (config) => catalogueFor(config, sourceOf(options, config)).database },
  );
}

/** Where the scripts' databases are: --from, or the server of the original .env's DB_* settings. */
function sourceOf({ from, workoutsDb, detailedDb }: ImportArguments, config: Config): LegacySource {
  const server = from ?? config.dbServer;
  if (!server) {
    throw new ConfigError(
      "Where are the original scripts' databases? Give their server with --from postgresql://user:password@host:port, " +
        "or set DB_USER, DB_HOST, DB_PASSWORD and DB_PORT as in the scripts' .env.",
    );
  }
  return { server, workoutsDb, detailedDb };
}

const movedNames = { workouts: "catalogue_workouts", detailed: "catalogue_detailed" } as const;

/**
 * The catalogue to import into: the configured one, unless it is one of the databases read. The
 * original .env's DB_* alone name peloton_workouts and peloton_detailed: the catalogue then gets
 * databases of its own on that server. Database URLs that name them are a mistake to fix.
 */
function catalogueFor(config: Config, source: LegacySource): { database: DatabaseConfig; moved: boolean } {
  const { database } = config;
  if (database.kind === "embedded") return { database, moved: false };
  const read = [source.workoutsDb, source.detailedDb].map((name) => databaseUrl(source.server, name));
  const clash = (candidate: Extract<DatabaseConfig, { kind: "postgres" }>) =>
    [candidate.workoutsUrl, candidate.detailedUrl].find((url) => read.some((other) => sameDatabase(url, other)));
  const clashing = clash(database);
  if (!clashing) return { database, moved: false };
  const name = databaseNameOf(clashing);
  if (!database.dbVariables || !config.dbServer) {
    throw new ConfigError(
      `The catalogue's databases (WORKOUTS_DATABASE_URL and DETAILED_DATABASE_URL) include ${name}, which this import reads: ` +
        `the catalogue never writes into the original scripts' databases. Point the two URLs at databases of their own, such as ` +
        `${movedNames.workouts} and ${movedNames.detailed} on ${describeServer(clashing)}.`,
    );
  }
  const moved = { ...database, workoutsUrl: databaseUrl(config.dbServer, movedNames.workouts), detailedUrl: databaseUrl(config.dbServer, movedNames.detailed) };
  if (clash(moved)) {
    throw new ConfigError(
      `The catalogue cannot move to ${movedNames.workouts} and ${movedNames.detailed}: this import reads one of them. Name others with DB_WORKOUTS_NAME and DB_DETAILED_NAME.`,
    );
  }
  return { database: moved, moved: true };
}

/**
 * The catalogue's refusal of a database holding the scripts' tables, said for this command: it would tell
 * the user to run import-legacy. The configured catalogue is the scripts' own databases, most likely the
 * ones read here, with their server spelled another way (a socket directory in DB_HOST, a host name in --from).
 */
function scriptsTablesInCatalogue(error: ForeignTablesError, database: Extract<DatabaseConfig, { kind: "postgres" }>): string {
  const url = error.database === "workouts" ? database.workoutsUrl : database.detailedUrl;
  const fix = database.dbVariables
    ? "name databases of its own with DB_WORKOUTS_NAME and DB_DETAILED_NAME"
    : "point WORKOUTS_DATABASE_URL and DETAILED_DATABASE_URL at databases of its own";
  return (
    `The catalogue's ${error.database} database ${databaseNameOf(url)} at ${describeServer(url)} holds the original scripts' tables (${error.tables.join(", ")}): ` +
    `the configured catalogue is the scripts' own databases, perhaps the very ones this import reads from a server named another way. ` +
    `The catalogue never writes into them: ${fix}, such as ${movedNames.workouts} and ${movedNames.detailed}, and run the import again.`
  );
}

/**
 * Makes the catalogue's new databases the ones every later command uses: appended to ./.env when it
 * holds the scripts' DB_* settings and names no databases; otherwise the two lines to add are said.
 */
async function recordCatalogueNames(source: LegacySource, database: DatabaseConfig): Promise<string> {
  const settings = `DB_WORKOUTS_NAME=${movedNames.workouts}\nDB_DETAILED_NAME=${movedNames.detailed}\n`;
  const where = `${describeCatalogue(database)} (${source.workoutsDb} and ${source.detailedDb} keep the original scripts' data, untouched)`;
  const text = await readFile(".env", "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  const env = text === undefined ? undefined : parseEnv(text);
  const named = ["DB_WORKOUTS_NAME", "DB_DETAILED_NAME"].some((name) => process.env[name] !== undefined || (env && name in env));
  const toSet = `in ./.env or the environment, so that every later command uses them:\n${settings.replace(/^/gm, "  ").trimEnd()}\n`;
  if (env && ["DB_USER", "DB_HOST", "DB_PASSWORD", "DB_PORT"].every((name) => name in env) && !named) {
    const comment = `# npm run import-legacy: the catalogue's own databases (${source.workoutsDb} and ${source.detailedDb} keep the original scripts' data)\n`;
    // the file's own line endings: a .env written on Windows keeps CRLF throughout
    const eol = text?.includes("\r\n") ? "\r\n" : "\n";
    try {
      await appendFile(".env", `${text && !text.endsWith("\n") ? "\n" : ""}${comment}${settings}`.replaceAll("\n", eol));
    } catch (error) {
      // the catalogue is there all the same: the user records its names by hand
      return `${where}.\nCould not add DB_WORKOUTS_NAME and DB_DETAILED_NAME to ./.env (${(error as Error).message}); set these two, ${toSet}`;
    }
    return `${where}.\nAdded DB_WORKOUTS_NAME and DB_DETAILED_NAME to ./.env, so that every later command uses them.\n`;
  }
  return `${where}.\nSet these two, ${toSet}`;
}

/** Runs the import with a progress bar on stderr and Ctrl-C stopping it after the class in flight. */
async function withProgress(
  work: (signal: AbortSignal, onProgress: (progress: ImportProgress) => void) => Promise<ImportSummary>,
): Promise<{ result: ImportSummary; signal?: NodeJS.Signals }> {
  let latest: ImportProgress | undefined;
  const progress = createProgressDisplay({
    name: "import-legacy",
    unit: "classes",
    counts: () => (latest ? `${latest.imported} imported, ${latest.already} already there, ${latest.pending} pending` : ""),
  });
  const stop = onStopSignals((signal) => {
    const again = signal === "SIGINT" ? "press Ctrl-C" : `send ${signal}`;
    progress.note(`import-legacy: stopping after the current class (${again} again to stop at once)`);
  });
  try {
    const result = await work(stop.signal, (update) => {
      latest = update;
      // the display reads done and total, and the counts above; the import is no ingestion run and has no run id
      progress.update({ stage: "PROCESS_DETAILS", runId: 0, done: update.done, total: update.total, seen: update.done, new: 0, processed: 0, failed: 0 });
    });
    return { result, signal: stop.received() };
  } finally {
    progress.stop();
    stop.dispose();
  }
}

const SHOWN_PENDING = 20;

/** What was read from where, what came in, and what is left for `npm run details`. */
async function report(summary: ImportSummary, legacy: LegacyDatabases, database: DatabaseConfig, dataDir: string): Promise<string> {
  const tables = legacy.found.filter((found) => found.tables.length).map((found) => `${found.database} (${found.tables.join(", ")})`);
  const lines = [
    `From the original scripts' databases on ${describeServer(legacy.source.server)}: ${tables.join(", ")}`,
    ...legacy.warnings.map((warning) => `  (${warning})`),
    `Into the ${describeCatalogue(database).replace(/^Catalogue: /, "catalogue: ")}`,
    `${summary.total} ${plural(summary.total, "class", "classes")}: ${summary.imported} imported` +
      (summary.imported
        ? ` (${summary.songs} songs in their playlists; ${summary.newSongs} songs and ${summary.newArtists} artists new to the catalogue)`
        : "") +
      `, ${summary.already} already in the catalogue, ${summary.pending.length} pending.`,
  ];
  if (summary.stopped) lines.push("Stopped before the end: run the same command again to go on (what is imported stays).");
  const file = path.join(dataDir, "import-legacy-pending.tsv");
  if (summary.pending.length <= SHOWN_PENDING) {
    // a list left by an earlier import would describe that one, not this
    await rm(file, { force: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOTDIR") lines.push(`  (${file} lists the pending classes of an earlier import; it could not be removed: ${error.message})`);
    });
  }
  if (summary.pending.length) {
    lines.push(`Pending, for \`npm run details\` to fetch from Peloton (id, title, why):`);
    lines.push(...summary.pending.slice(0, SHOWN_PENDING).map((pending) => `  ${pendingLine(pending, "  ")}`));
    if (summary.pending.length > SHOWN_PENDING) {
      await mkdir(dataDir, { recursive: true });
      await writeFile(file, `id\ttitle\treason\n${summary.pending.map((pending) => `${pendingLine(pending, "\t")}\n`).join("")}`);
      lines.push(`  and ${summary.pending.length - SHOWN_PENDING} more: all ${summary.pending.length} are listed in ${file}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

const pendingLine = ({ id, title, reason }: PendingClass, separator: string) => [id, title, reason].map((text) => text.replace(/\s+/g, " ")).join(separator);

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);
