import { chmod, readFile, realpath, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { startCli } from "../../harness/commands";
import { adminUrl, commandDataDir, databaseEnv, databaseUrl, scratchDatabases, scratchName, withAdmin, withDatabases } from "../../harness/databases";
import { type StartOptions, scriptArgs, startNode, waitForOutput } from "../../harness/processes";
import { removeDir, simulatorConfig, testClient } from "../../harness/simulator";
import { startSimulator } from "../../src/simulator";
import { useCleanups } from "../support/cleanups";
import { createLegacyDatabases, legacyClasses } from "../support/legacy-databases";

// npm run import-legacy as a user runs it, in a process of its own: the scripts' databases on the
// PostgreSQL test server, the catalogue on the backend under test, or beside them on that server.

const { cleanups, tempDir } = useCleanups("pmc-import-cli-");

const importLegacy = (args: string[], env: Record<string, string>, cwd: string, options: StartOptions = {}) =>
  startNode(scriptArgs("src/cli/import-legacy.ts", args), { ...options, env, cwd });

const server = databaseUrl("", adminUrl);

describe("npm run import-legacy", () => {
  it("says how to use it, and what is wrong in one line", async () => {
    const cwd = await tempDir();
    const help = importLegacy(["--help"], {}, cwd);
    expect(await help.exited).toEqual({ code: 0, signal: null });
    expect(help.stdout()).toMatch(/^Usage: npm run import-legacy -- \[--from postgresql:\/\/user:password@host:port\] \[options\]\n/);

    const mistakes: [string[], RegExp][] = [
      [["--colour"], /^Unknown option '--colour' \(--help lists the options\)\n$/],
      [
        ["--from", "postgresql://app:hunter2@db.example:5433/peloton_workouts"],
        /^--from names a server, not a database: give postgresql:\/\/app@db\.example:5433 \(the databases are --workouts-db and --detailed-db, by default peloton_workouts and peloton_detailed\) \(--help lists the options\)\n$/,
      ],
      [
        ["--from", "db.example"],
        /^--from must be a PostgreSQL server such as postgresql:\/\/user:password@localhost:5432, got "db\.example" \(in a user name or password, write # as %23, .*\) \(--help/,
      ],
      // a password holding # does not parse: it is hidden all the same, and the message says how to write it
      [
        ["--from", "postgresql://postgres:hun#ter2@127.0.0.1:5432"],
        /^--from must be .*, got "postgresql:\/\/postgres:\*\*\*\*@127\.0\.0\.1:5432" \(in a user name or password, write # as %23/,
      ],
      ...["a/b", "old?sslmode=disable", "db#1", "100%", "1st", "x".repeat(64)].map((name): [string[], RegExp] => [
        ["--workouts-db", name],
        new RegExp(`^--workouts-db must be a database name: a letter or _, then up to 62 letters, digits, _, \\$ or - \\(got "${literal(name)}"\\) \\(--help`),
      ]),
      [["--detailed-db", "peloton detailed"], /^--detailed-db must be a database name: .* \(got "peloton detailed"\)/],
    ];
    for (const [args, message] of mistakes) {
      const run = importLegacy(args, {}, cwd);
      expect(await run.exited).toEqual({ code: 2, signal: null });
      expect(run.stderr()).toMatch(message);
      expect(run.stderr()).not.toContain("hunter2");
    }

    const nowhere = importLegacy([], {}, cwd);
    expect(await nowhere.exited).toEqual({ code: 1, signal: null });
    expect(nowhere.stderr().trim().split("\n").at(-1)).toBe(
      "Where are the original scripts' databases? Give their server with --from postgresql://user:password@host:port, " +
        "or set DB_USER, DB_HOST, DB_PASSWORD and DB_PORT as in the scripts' .env.",
    );
  }, 60_000);

  it("imports from --from into the configured catalogue, lists 20 pending classes and writes them all to DATA_DIR", async () => {
    // 20 more classes whose kept answer has a song without an id
    const broken = Array.from({ length: 20 }, (_, i) => ({
      ride: { id: `b0${String(i).padStart(30, "0")}`, title: `Broken ${i}` },
      playlist: { songs: [{ title: "Untitled", artists: [] }] },
    }));
    const legacy = await createLegacyDatabases({ answers: broken });
    cleanups.push(() => legacy.remove());
    const db = await scratchDatabases();
    const { dataDir, remove } = await commandDataDir(db.config);
    cleanups.push(db.remove, remove);
    const cwd = await tempDir();
    const args = ["--from", server, "--workouts-db", legacy.source.workoutsDb, "--detailed-db", legacy.source.detailedDb];
    const run = importLegacy(args, databaseEnv(db.config, dataDir), cwd);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    const lines = run.stdout().split("\n");
    expect(lines.slice(0, 3)).toEqual([
      `From the original scripts' databases on postgresql://postgres@127.0.0.1:5432: ${legacy.source.detailedDb} (detailed_workouts, instructors, songs), ${legacy.source.workoutsDb} (workouts)`,
      expect.stringMatching(/^Into the catalogue: (the embedded databases in|PostgreSQL at)/),
      expect.stringMatching(
        /^28 classes: 2 imported \(11 songs in their playlists; 11 songs and \d+ artists new to the catalogue\), 0 already in the catalogue, 26 pending\.$/,
      ),
    ]);
    expect(lines[3]).toBe("Pending, for `npm run details` to fetch from Peloton (id, title, why):");
    expect(lines[4]).toBe(
      `  ${legacyClasses.listEntry}  5 min Warm Up Ride  full_details holds the class list entry, not the class's details (no playlist); the scripts' songs table lists 2 songs for it, without Peloton's ids`,
    );
    const file = path.join(dataDir, "import-legacy-pending.tsv");
    expect(lines.slice(24)).toEqual([`  and 6 more: all 26 are listed in ${file}`, ""]);
    const listed = (await readFile(file, "utf8")).trimEnd().split("\n");
    expect(listed[0]).toBe("id\ttitle\treason");
    expect(listed).toHaveLength(27);
    expect(listed.slice(1, 21).map((line) => line.split("\t")[0])).toEqual(lines.slice(4, 24).map((line) => line.trim().split("  ")[0]));
    expect(listed.at(-1)).toBe(`${legacyClasses.workoutsOnly}\t10 min Cool Down Ride\tno details kept (no detailed_workouts row)`);
    await withDatabases(db.config, async (databases) => {
      expect(await databases.workouts.workout.count({ where: { processed: true } })).toBe(2);
      expect(await databases.workouts.workout.count({ where: { processed: false } })).toBe(26);
    });

    // an import with 20 or fewer pending classes leaves no list of an earlier one's
    const fewer = await createLegacyDatabases();
    cleanups.push(() => fewer.remove());
    const again = importLegacy(
      ["--from", server, "--workouts-db", fewer.source.workoutsDb, "--detailed-db", fewer.source.detailedDb],
      databaseEnv(db.config, dataDir),
      cwd,
    );
    expect(await again.exited).toEqual({ code: 0, signal: null });
    expect(again.stdout()).toMatch(/\n8 classes: 0 imported, 2 already in the catalogue, 6 pending\.\n/);
    expect(again.stdout()).not.toContain("import-legacy-pending.tsv");
    await expect(readFile(file, "utf8")).rejects.toMatchObject({ code: "ENOENT" });
  }, 120_000);

  it("without DB_* or URLs, imports into the embedded default, ./data", async () => {
    const legacy = await createLegacyDatabases();
    cleanups.push(() => legacy.remove());
    const cwd = await realpath(await tempDir());
    const run = importLegacy(["--from", server, "--workouts-db", legacy.source.workoutsDb, "--detailed-db", legacy.source.detailedDb], {}, cwd);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    const dataDir = path.join(cwd, "data");
    expect(JSON.parse(run.stderr().split("\n")[0]!)).toMatchObject({ msg: `Catalogue: the embedded databases in ${dataDir}` });
    expect(run.stdout()).toMatch(new RegExp(`\nInto the catalogue: the embedded databases in ${literal(dataDir)}\n8 classes: 2 imported .*, 6 pending.\n`));
    await withDatabases({ kind: "embedded", dataDir }, async (databases) => {
      expect(await databases.workouts.workout.count({ where: { processed: true } })).toBe(2);
      expect(await databases.detailed.playlistEntry.count()).toBe(11);
    });
  }, 60_000);

  it("refuses a catalogue configured in the scripts' own databases", async () => {
    const legacy = await createLegacyDatabases();
    cleanups.push(() => legacy.remove());
    const cwd = await tempDir();
    const before = await legacy.checksum();
    const run = importLegacy(
      ["--from", server, "--workouts-db", legacy.source.workoutsDb, "--detailed-db", legacy.source.detailedDb],
      {
        WORKOUTS_DATABASE_URL: databaseUrl(legacy.source.workoutsDb, adminUrl),
        DETAILED_DATABASE_URL: databaseUrl("pmc_elsewhere", adminUrl),
      },
      cwd,
    );
    expect(await run.exited).toEqual({ code: 1, signal: null });
    expect(run.stderr().trim().split("\n").at(-1)).toBe(
      `The catalogue's databases (WORKOUTS_DATABASE_URL and DETAILED_DATABASE_URL) include ${legacy.source.workoutsDb}, which this import reads: the catalogue never ` +
        "writes into the original scripts' databases. Point the two URLs at databases of their own, such as catalogue_workouts and catalogue_detailed on postgresql://postgres@127.0.0.1:5432.",
    );
    expect(await legacy.checksum()).toBe(before);
  }, 60_000);

  it("says what to name when the configured catalogue is the scripts' databases, their server spelled another way than --from", async () => {
    const legacy = await createLegacyDatabases();
    cleanups.push(() => legacy.remove());
    const { rows } = await withAdmin((admin) => admin.query<{ dirs: string }>("SELECT current_setting('unix_socket_directories') AS dirs"));
    const socketDir = rows[0]!.dirs.split(",")[0]!.trim();
    expect(socketDir).toMatch(/^\//); // the test server must listen on a socket for this test
    const cwd = await tempDir();
    const env = `DB_USER=postgres\nDB_HOST=${socketDir}\nDB_PASSWORD=\nDB_PORT=5432\nDB_WORKOUTS_NAME=${legacy.source.workoutsDb}\nDB_DETAILED_NAME=${legacy.source.detailedDb}\n`;
    await writeFile(path.join(cwd, ".env"), env);
    const before = await legacy.checksum();
    const run = importLegacy(
      ["--from", server, "--workouts-db", legacy.source.workoutsDb, "--detailed-db", legacy.source.detailedDb],
      { LOG_LEVEL: "warn" },
      cwd,
    );
    expect(await run.exited).toEqual({ code: 1, signal: null });
    expect(run.stderr()).toBe(
      `The catalogue's workouts database ${legacy.source.workoutsDb} at postgresql://postgres@localhost:5432?host=${socketDir} holds the original scripts' tables (workouts): ` +
        "the configured catalogue is the scripts' own databases, perhaps the very ones this import reads from a server named another way. " +
        "The catalogue never writes into them: name databases of its own with DB_WORKOUTS_NAME and DB_DETAILED_NAME, such as catalogue_workouts and catalogue_detailed, and run the import again.\n",
    );
    expect(await legacy.checksum()).toBe(before);
    expect(await readFile(path.join(cwd, ".env"), "utf8")).toBe(env);
  }, 60_000);

  it("with a role that may not read the scripts' tables, says which GRANT to run in one line, before the catalogue is created", async () => {
    const legacy = await createLegacyDatabases();
    cleanups.push(() => legacy.remove());
    const role = scratchName();
    await withAdmin((admin) => admin.query(`CREATE ROLE "${role}" LOGIN`));
    const catalogue = scratchName();
    cleanups.push(() =>
      withAdmin(async (admin) => {
        await admin.query(`DROP ROLE IF EXISTS "${role}"`);
        for (const name of ["workouts", "detailed"]) await admin.query(`DROP DATABASE IF EXISTS "${catalogue}_${name}" WITH (FORCE)`);
      }),
    );
    const from = new URL(server);
    from.username = role;
    const run = importLegacy(
      ["--from", from.toString(), "--workouts-db", legacy.source.workoutsDb, "--detailed-db", legacy.source.detailedDb],
      {
        WORKOUTS_DATABASE_URL: databaseUrl(`${catalogue}_workouts`, adminUrl),
        DETAILED_DATABASE_URL: databaseUrl(`${catalogue}_detailed`, adminUrl),
        LOG_LEVEL: "warn",
      },
      await tempDir(),
    );
    expect(await run.exited).toEqual({ code: 1, signal: null });
    expect(run.stderr()).toBe(
      `The role ${role} may not read the original scripts' tables detailed_workouts, instructors, songs in ${legacy.source.detailedDb}; workouts in ${legacy.source.workoutsDb} ` +
        `(on postgresql://${role}@127.0.0.1:5432). As their owner or a superuser, run in ${legacy.source.detailedDb}, GRANT SELECT ON detailed_workouts, instructors, songs TO ${role}; ` +
        `and in ${legacy.source.workoutsDb}, GRANT SELECT ON workouts TO ${role}; or give --from a role that may read them.\n`,
    );
    const { rows } = await withAdmin((admin) => admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${catalogue}%`]));
    expect(rows).toEqual([]);
  }, 60_000);

  it("with the original .env alone, imports into catalogue_workouts and catalogue_detailed, which .env then names for every later command", async () => {
    await withDefaultNames(async () => {
      const legacy = await createLegacyDatabases({ names: { workouts: "peloton_workouts", detailed: "peloton_detailed" } });
      cleanups.push(() => legacy.remove());
      await withAdmin((admin) => markAsFixture(admin, ["peloton_workouts", "peloton_detailed"]));
      const cwd = await tempDir();
      const original = "PELOTON_USERNAME=rider@example.com\nPELOTON_PASSWORD=secret\nDB_USER=postgres\nDB_HOST=127.0.0.1\nDB_PASSWORD=\nDB_PORT=5432";
      await writeFile(path.join(cwd, ".env"), original);
      const before = await legacy.checksum();

      const run = importLegacy([], {}, cwd);
      const { code } = await run.exited;
      await withAdmin((admin) => markAsFixture(admin, ["catalogue_workouts", "catalogue_detailed"]));
      expect({ code, stderr: run.stderr() }).toEqual({ code: 0, stderr: expect.any(String) });
      const catalogue = "PostgreSQL at postgresql://postgres@127.0.0.1:5432, databases catalogue_workouts and catalogue_detailed";
      expect(run.stderr().split("\n")[0]).toContain(`Catalogue: ${catalogue}`);
      expect(run.stdout()).toMatch(
        new RegExp(
          `^Catalogue: ${literal(catalogue)} \\(peloton_workouts and peloton_detailed keep the original scripts' data, untouched\\)\\.\n` +
            "Added DB_WORKOUTS_NAME and DB_DETAILED_NAME to \\./\\.env, so that every later command uses them\\.\n" +
            "From the original scripts' databases on postgresql://postgres@127\\.0\\.0\\.1:5432: peloton_detailed \\(detailed_workouts, instructors, songs\\), peloton_workouts \\(workouts\\)\n" +
            `Into the catalogue: ${literal(catalogue)}\n8 classes: 2 imported `,
        ),
      );
      expect(await readFile(path.join(cwd, ".env"), "utf8")).toBe(
        `${original}\n# npm run import-legacy: the catalogue's own databases (peloton_workouts and peloton_detailed keep the original scripts' data)\n` +
          "DB_WORKOUTS_NAME=catalogue_workouts\nDB_DETAILED_NAME=catalogue_detailed\n",
      );
      expect(await legacy.checksum()).toBe(before);
      const config = {
        kind: "postgres" as const,
        workoutsUrl: databaseUrl("catalogue_workouts", adminUrl),
        detailedUrl: databaseUrl("catalogue_detailed", adminUrl),
      };
      await withDatabases(config, async (databases) => {
        expect(await databases.workouts.workout.count({ where: { processed: true } })).toBe(2);
        expect(await databases.detailed.playlistEntry.count()).toBe(11);
      });

      // the next command works on them, and says so first
      const migrate = startCli("migrate", [], {}, cwd);
      expect(await migrate.exited).toEqual({ code: 0, signal: null });
      expect(migrate.stderr().split("\n")[0]).toContain(`Catalogue: ${catalogue}`);
      // and so does the import again: nothing left to move, nothing new to import
      const again = importLegacy([], {}, cwd);
      expect(await again.exited).toEqual({ code: 0, signal: null });
      expect(again.stdout()).toMatch(
        new RegExp(`^From .*\nInto the catalogue: ${literal(catalogue)}\n8 classes: 0 imported, 2 already in the catalogue, 6 pending\\.\n`),
      );
      expect(await readFile(path.join(cwd, ".env"), "utf8")).toMatch(/DB_DETAILED_NAME=catalogue_detailed\n$/);
    });
  }, 120_000);

  it("brings a user of the original scripts, in one command, their classes in the API without asking Peloton; a later sync and details run go on from there", async () => {
    await withDefaultNames(async () => {
      const sim = await startSimulator({ classes: 12, seed: 16, disciplines: ["cycling"] });
      cleanups.push(() => sim.close());
      // what the scripts kept: four of Peloton's details answers (fetched from the simulator before anything else runs)
      const kept = sim.catalogue.classes.filter((c) => c.songIds.length > 0).slice(0, 4);
      const { client, dataDir } = await testClient(simulatorConfig(sim));
      const answers = await Promise.all(kept.map(async (c) => (await client.rideDetails(c.id)).raw as Record<string, any>));
      await removeDir(dataDir);
      const legacy = await createLegacyDatabases({ answers, names: { workouts: "peloton_workouts", detailed: "peloton_detailed" } });
      cleanups.push(() => legacy.remove());
      await withAdmin((admin) => markAsFixture(admin, ["peloton_workouts", "peloton_detailed"]));
      const cwd = await tempDir();
      await writeFile(
        path.join(cwd, ".env"),
        `PELOTON_USERNAME=${sim.credentials.username}\nPELOTON_PASSWORD=${sim.credentials.password}\nDB_USER=postgres\nDB_HOST=127.0.0.1\nDB_PASSWORD=\nDB_PORT=5432\n`,
      );
      // where Peloton is, and no pause between requests: the only settings beside the scripts' .env
      const env = { PELOTON_API_URL: sim.url, PELOTON_AUTH_URL: sim.url, PELOTON_REQUEST_DELAY_MS: "0", PELOTON_PAGE_DELAY_MS: "0", PELOTON_JITTER_MS: "0" };
      const asked = sim.requests.length;

      const run = importLegacy([], env, cwd);
      const { code } = await run.exited;
      await withAdmin((admin) => markAsFixture(admin, ["catalogue_workouts", "catalogue_detailed"]));
      expect({ code, stderr: run.stderr() }).toEqual({
        code: 0,
        stderr: expect.stringContaining("[import-legacy] 12/12 classes (100%), 6 imported, 0 already there, 6 pending"),
      });
      expect(run.stdout()).toMatch(/\n12 classes: 6 imported \(.*\), 0 already in the catalogue, 6 pending\.\n/);

      const api = startCli("start", [], { ...env, PORT: "0" }, cwd);
      cleanups.push(() => api.stop());
      const url = await waitForOutput(api, /GraphQL API on (\S+)/, "the API to listen");
      for (const answer of answers) {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            query: "query ($id: ID!) { workout(id: $id) { title instructor { name } playlist { song { title } } } }",
            variables: { id: answer.ride.id },
          }),
        });
        expect(await response.json()).toEqual({
          data: {
            workout: {
              title: answer.ride.title,
              instructor: { name: answer.ride.instructor.name },
              playlist: answer.playlist.songs.map((song: { title: string }) => ({ song: { title: song.title } })),
            },
          },
        });
      }
      expect(await api.stop()).toEqual({ code: 0, signal: null });
      expect(sim.requests.slice(asked)).toEqual([]);

      const sync = startCli("sync", [], env, cwd);
      expect(await sync.exited).toEqual({ code: 0, signal: null });
      expect(sync.stdout()).toMatch(/: 12 classes seen of 12 listed, 8 new\.\n/);
      const details = startCli("details", ["--batch-size", "0"], env, cwd);
      expect(await details.exited).toEqual({ code: 0, signal: null });
      // the classes not imported: the simulator's others, and the pending ones (which it does not have)
      expect(details.stdout()).toMatch(/: 8 of 14 classes processed, 6 failed\.\n/);
      const fetched = sim.requests.slice(asked).flatMap((request) => /^\/api\/ride\/([^/]+)\/details$/.exec(request.path)?.[1] ?? []);
      expect(fetched.filter((id) => kept.some((c) => c.id === id))).toEqual([]);
      expect(fetched).toHaveLength(14);
    });
  }, 180_000);

  it("appends to a .env with CRLF line endings in CRLF", async () => {
    await withDefaultNames(async () => {
      const legacy = await createLegacyDatabases({ names: { workouts: "peloton_workouts", detailed: "peloton_detailed" } });
      cleanups.push(() => legacy.remove());
      await withAdmin((admin) => markAsFixture(admin, ["peloton_workouts", "peloton_detailed"]));
      const cwd = await tempDir();
      const original = "DB_USER=postgres\r\nDB_HOST=127.0.0.1\r\nDB_PASSWORD=\r\nDB_PORT=5432";
      await writeFile(path.join(cwd, ".env"), original);

      const run = importLegacy([], {}, cwd);
      const { code } = await run.exited;
      await withAdmin((admin) => markAsFixture(admin, ["catalogue_workouts", "catalogue_detailed"]));
      expect({ code, stderr: run.stderr() }).toEqual({ code: 0, stderr: expect.any(String) });
      const env = await readFile(path.join(cwd, ".env"), "utf8");
      expect(env).toBe(
        `${original}\r\n# npm run import-legacy: the catalogue's own databases (peloton_workouts and peloton_detailed keep the original scripts' data)\r\n` +
          "DB_WORKOUTS_NAME=catalogue_workouts\r\nDB_DETAILED_NAME=catalogue_detailed\r\n",
      );
      expect(env.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
      // and the next import reads the names it wrote
      const again = importLegacy([], {}, cwd);
      expect(await again.exited).toEqual({ code: 0, signal: null });
      expect(again.stdout()).toMatch(
        /\nInto the catalogue: PostgreSQL at .*, databases catalogue_workouts and catalogue_detailed\n8 classes: 0 imported, 2 already/,
      );
    });
  }, 120_000);

  it("says the two names to set when ./.env cannot be written, and imports all the same", async () => {
    await withDefaultNames(async () => {
      const legacy = await createLegacyDatabases({ names: { workouts: "peloton_workouts", detailed: "peloton_detailed" } });
      cleanups.push(() => legacy.remove());
      await withAdmin((admin) => markAsFixture(admin, ["peloton_workouts", "peloton_detailed"]));
      const cwd = await tempDir();
      const original = "DB_USER=postgres\nDB_HOST=127.0.0.1\nDB_PASSWORD=\nDB_PORT=5432\n";
      await writeFile(path.join(cwd, ".env"), original);
      await chmod(path.join(cwd, ".env"), 0o444);
      // root writes a read-only file all the same: the import then runs as nobody, who may only read it
      await chmod(cwd, 0o755);
      const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

      const run = importLegacy([], { HOME: os.tmpdir(), LOG_LEVEL: "warn" }, cwd, asNobody);
      const { code } = await run.exited;
      await withAdmin((admin) => markAsFixture(admin, ["catalogue_workouts", "catalogue_detailed"]));
      expect({ code, stderr: run.stderr() }).toEqual({ code: 0, stderr: expect.not.stringMatching(/EACCES|\n\s+at /) });
      expect(run.stdout()).toMatch(
        new RegExp(
          "^Catalogue: PostgreSQL at postgresql://postgres@127\\.0\\.0\\.1:5432, databases catalogue_workouts and catalogue_detailed \\(.*\\)\\.\n" +
            "Could not add DB_WORKOUTS_NAME and DB_DETAILED_NAME to \\./\\.env \\(EACCES: permission denied, open '\\.env'\\); set these two, in \\./\\.env or the environment, so that every later command uses them:\n" +
            "  DB_WORKOUTS_NAME=catalogue_workouts\n  DB_DETAILED_NAME=catalogue_detailed\n" +
            "From the original scripts' databases .*\nInto the catalogue: .*\n8 classes: 2 imported ",
        ),
      );
      expect(await readFile(path.join(cwd, ".env"), "utf8")).toBe(original);
    });
  }, 120_000);
});

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// The original scripts' names are the same for every run on this server: one test at a time takes them,
// and takes only databases it made (a developer's own peloton_workouts is left alone).
const DEFAULT_NAMES_LOCK = 7270736902;
const fixtureComment = "pmc test fixture: npm run import-legacy";
const defaultNames = ["peloton_workouts", "peloton_detailed", "catalogue_workouts", "catalogue_detailed"];

async function withDefaultNames(test: () => Promise<void>) {
  await withAdmin(async (admin) => {
    await admin.query("SELECT pg_advisory_lock($1)", [DEFAULT_NAMES_LOCK]);
    try {
      await dropFixtures(admin);
      try {
        await test();
      } finally {
        await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
        await dropFixtures(admin);
      }
    } finally {
      await admin.query("SELECT pg_advisory_unlock($1)", [DEFAULT_NAMES_LOCK]);
    }
  });
}

async function dropFixtures(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string; comment: string | null }>(
    "SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = ANY($1)",
    [defaultNames],
  );
  for (const { datname, comment } of rows) {
    if (comment !== fixtureComment)
      throw new Error(`The test server has a database ${datname} that this test did not make: it leaves it alone, and cannot run.`);
    await admin.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
  }
}

async function markAsFixture(admin: pg.Client, names: string[]) {
  for (const name of names) await admin.query(`COMMENT ON DATABASE "${name}" IS '${fixtureComment}'`).catch(() => undefined);
}
