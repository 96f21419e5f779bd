import { readFileSync } from "node:fs";
import path from "node:path";
import { adminUrl, databaseUrl, scratchName, withAdmin } from "../../harness/databases";
import { ingestFromSimulator, removeDir, simulatorConfig, testClient } from "../../harness/simulator";
import { ConfigError } from "../../src/config";
import type { Databases } from "../../src/db";
import { importLegacy } from "../../src/ingest/import-legacy";
import { type LegacySource, openLegacyDatabases } from "../../src/ingest/legacy-source";
import { processDetails, storeClassDetails } from "../../src/ingest/process-details";
import { syncWorkouts } from "../../src/ingest/sync-workouts";
import { silentLogger } from "../../src/log";
import { parseResponse, rideDetailsSchema } from "../../src/peloton/schemas";
import { type Simulator, startSimulator } from "../../src/simulator";
import { useCleanups } from "../support/cleanups";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { storedClass } from "../support/ingest";
import { createLegacyDatabases, type LegacyFixture, legacyClasses, usableLegacyClasses } from "../support/legacy-databases";

// The original scripts' databases (always on the PostgreSQL test server) into a catalogue on the backend
// under test, without Peloton: the kept answers stored as a details run stores them, the rest pending.

const realCapture = (file: string) => JSON.parse(readFileSync(path.join(__dirname, "../fixtures/peloton-real/ride_details", file), "utf8"));

let sim: Simulator;
/** three of the simulator's classes with music and distinct instructors, the answers fetched from it over HTTP */
let simAnswers: Record<string, any>[];
/** the one of them whose kept answer lost its embedded instructor, which the scripts' instructors table has */
let bareInstructor: { classId: string; instructor: { id: string; name: string; image_url: string | null } };
let legacy: LegacyFixture;

beforeAll(async () => {
  sim = await startSimulator({ classes: 12, seed: 5, disciplines: ["cycling"] });
  const picked = sim.catalogue.classes.filter((c, i, all) => c.songIds.length > 0 && all.findIndex((o) => o.instructorId === c.instructorId) === i).slice(0, 3);
  const { client, dataDir } = await testClient(simulatorConfig(sim));
  try {
    simAnswers = await Promise.all(picked.map(async (c) => (await client.rideDetails(c.id)).raw as Record<string, any>));
  } finally {
    await removeDir(dataDir);
  }
  const bare = structuredClone(simAnswers[2]!);
  const { id, name, image_url } = bare.ride.instructor;
  delete bare.ride.instructor;
  bareInstructor = { classId: bare.ride.id, instructor: { id, name, image_url } };
  legacy = await createLegacyDatabases({ answers: [simAnswers[0]!, simAnswers[1]!, bare], instructors: [bareInstructor.instructor] });
}, 60_000);

afterAll(async () => {
  await Promise.all([sim?.close(), legacy?.remove()]);
});

const { cleanups } = useCleanups("pmc-import-");

async function target(): Promise<TestDatabases> {
  const db = await openTestDatabases();
  cleanups.push(() => db.dispose());
  return db;
}

async function importInto(db: Databases, source: LegacySource = legacy.source, signal?: AbortSignal, onProgress?: Parameters<typeof importLegacy>[2]) {
  const databases = await openLegacyDatabases(source, silentLogger);
  try {
    return await importLegacy({ workouts: db.workouts, detailed: db.detailed, logger: silentLogger, signal }, databases, onProgress);
  } finally {
    await databases.close();
  }
}

/** A digest of every row (timestamps too) of every table of both catalogue databases. */
async function catalogueChecksum(db: Databases): Promise<string[]> {
  const sums: string[] = [];
  for (const client of [db.workouts, db.detailed]) {
    const tables = await client.$queryRawUnsafe<{ tablename: string }[]>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    for (const { tablename } of tables) {
      const [row] = await client.$queryRawUnsafe<{ sum: string; rows: number }[]>(
        `SELECT md5(coalesce(string_agg(to_jsonb(t)::text, E'\\n' ORDER BY to_jsonb(t)::text), '')) AS sum, count(*)::int AS rows FROM "${tablename}" t`,
      );
      sums.push(`${tablename}: ${row!.rows} rows, ${row!.sum}`);
    }
  }
  return sums;
}

/**
 * A stored class as storedClass reads it, without the times rows were written, nor its songs' and artists'
 * play counts: those count every class of the catalogue, and the reference holds others.
 */
const classWithoutTimes = async (db: Databases, id: string) =>
  JSON.parse(JSON.stringify(await storedClass(db, id), (key, value) => (/^(createdAt|updatedAt|playCount)$/.test(key) ? undefined : value)));

/** A class's workouts row, without the times it was seen and written. */
async function classRow(db: Databases, id: string) {
  const { createdAt, updatedAt, firstSeenAt, lastSeenAt, processedAt, ...row } = (await db.workouts.workout.findUnique({ where: { id } }))!;
  return row;
}

const pendingIds = [
  legacyClasses.listEntry,
  legacyClasses.empty,
  legacyClasses.songWithoutId,
  legacyClasses.otherClass,
  legacyClasses.notJson,
  legacyClasses.workoutsOnly,
].sort();

describe("importLegacy", () => {
  it("stores each usable kept answer as a details run stores it, and leaves the other classes pending with why", async () => {
    const db = await target();
    const before = await legacy.checksum();
    const simIds = simAnswers.map((answer) => answer.ride.id as string);
    const summary = await importInto(db);
    expect(summary).toMatchObject({ total: 3 + 2 + pendingIds.length, imported: 5, already: 0, stopped: false });
    expect(summary.pending.map((p) => p.id)).toEqual(pendingIds);
    expect(await legacy.checksum()).toBe(before);

    // the same answers through a details run (the simulator's, over HTTP) and through the same saver (the captures)
    const reference = await target();
    await ingestFromSimulator(reference, sim);
    for (const file of ["details-15cb7793-2025.json", "details-266bbc93-2025-trimmed.json"]) {
      const json = realCapture(file);
      await storeClassDetails({ ...reference, logger: silentLogger }, { ...parseResponse(rideDetailsSchema, json, file), raw: json });
    }
    for (const id of [...usableLegacyClasses, simIds[0]!, simIds[1]!]) {
      expect(await classWithoutTimes(db, id)).toEqual(await classWithoutTimes(reference, id));
    }
    // the answer without its instructor: the scripts' row names them (a details run asks Peloton for more)
    const { instructor, fullDetails: _, ...bare } = await classWithoutTimes(db, bareInstructor.classId);
    const { instructor: fetched, fullDetails: __, ...fromPeloton } = await classWithoutTimes(reference, bareInstructor.classId);
    expect(bare).toEqual(fromPeloton);
    expect(instructor).toMatchObject({ id: fetched.id, name: fetched.name, imageUrl: bareInstructor.instructor.image_url });
    // the A-Ha and a-ha of the 266bbc93 capture are one artist; the song with three credits keeps them in order
    const eighties = await storedClass(db, legacyClasses.jsonString);
    expect(eighties.playlist.map((entry) => entry.song.title)).toHaveLength(9);
    expect(eighties.playlist[1]!.song.artists.map((credit) => credit.artist.name)).toEqual(["A-Ha"]);
    expect(eighties.playlist[5]!.song.artists).toHaveLength(3);

    const rows = await db.workouts.workout.findMany({ orderBy: { id: "asc" } });
    expect(rows.filter((row) => row.processed).map((row) => row.id)).toEqual([...usableLegacyClasses, ...simIds].sort());
    const pending = new Map(rows.filter((row) => !row.processed).map((row) => [row.id, row]));
    expect([...pending.keys()]).toEqual(pendingIds);
    const reasons = new Map(summary.pending.map((p) => [p.id, p.reason]));
    expect(Object.fromEntries(pendingIds.map((id) => [id, reasons.get(id)]))).toEqual({
      [legacyClasses.listEntry]:
        "full_details holds the class list entry, not the class's details (no playlist); the scripts' songs table lists 2 songs for it, without Peloton's ids",
      [legacyClasses.empty]: "full_details is empty",
      [legacyClasses.songWithoutId]: expect.stringMatching(
        /^Unexpected response for class 0a1e0+3's full_details: playlist\.songs\.3\.id: .*; the scripts' songs table lists 9 songs/,
      ),
      [legacyClasses.otherClass]: `full_details describes another class (ride.id is "${legacyClasses.details}"); the scripts' songs table lists 2 songs for it, without Peloton's ids`,
      [legacyClasses.notJson]: "full_details is text that is not JSON",
      [legacyClasses.workoutsOnly]: "no details kept (no detailed_workouts row)",
    });
    // a ride Peloton described gives the row its air time; the scripts' own columns do not (created_at is when they saw it)
    const listEntry = legacy.kept.get(legacyClasses.listEntry) as Record<string, any>;
    expect(pending.get(legacyClasses.listEntry)).toMatchObject({
      title: "5 min Warm Up Ride",
      instructorId: "05735e106f0747d2a112d32678be8afd",
      instructorName: "Olivia Amato",
      discipline: "cycling",
      categories: [],
      originalAirTime: new Date(listEntry.original_air_time * 1000),
      listEntry,
      processed: false,
      detailsAttempts: 0,
    });
    expect(pending.get(legacyClasses.songWithoutId)).toMatchObject({ title: "30 min 80s Ride", originalAirTime: new Date(1734868440 * 1000) });
    expect(pending.get(legacyClasses.workoutsOnly)).toMatchObject({
      title: "10 min Cool Down Ride",
      instructorName: "Olivia Amato",
      length: 660,
      difficulty: 5.1,
      originalAirTime: null,
      listEntry: expect.objectContaining({ id: legacyClasses.workoutsOnly, created_at: "2025-01-20T10:00:00", processed: false }),
    });
    expect(pending.get(legacyClasses.empty)).toMatchObject({ title: "20 min Pop Ride", durationSeconds: 300, discipline: "cycling", originalAirTime: null });
    expect(await db.detailed.detailedWorkout.count({ where: { id: { in: pendingIds } } })).toBe(0);
  }, 120_000);

  it("changes nothing the second time: every row of the catalogue, timestamps too, stays as it was", async () => {
    const db = await target();
    const first = await importInto(db);
    const before = await catalogueChecksum(db);
    const second = await importInto(db);
    expect(await catalogueChecksum(db)).toEqual(before);
    expect(second).toMatchObject({ total: first.total, imported: 0, already: first.imported, newSongs: 0, newArtists: 0, stopped: false });
    expect(second.pending).toEqual(first.pending);
    expect(first).toMatchObject({ newSongs: expect.any(Number), newArtists: expect.any(Number) });
    expect(first.newSongs).toBe(await db.detailed.song.count());
    expect(first.newArtists).toBe(await db.detailed.artist.count());
  }, 120_000);

  it("is continued by a sync and a details run, which do not fetch the imported classes again", async () => {
    const db = await target();
    await importInto(db);
    const imported = simAnswers.map((answer) => answer.ride.id as string);
    // the class and its playlist; its instructor may learn more from another class's answer
    const stored = async (id: string) => {
      const { instructor: _, ...rest } = await classWithoutTimes(db, id);
      return rest;
    };
    const playlists = await Promise.all(imported.map(stored));
    const asked = sim.requests.length;
    const { client, dataDir } = await testClient(simulatorConfig(sim));
    cleanups.push(() => removeDir(dataDir));
    const deps = { workouts: db.workouts, detailed: db.detailed, peloton: client, logger: silentLogger };
    expect(await syncWorkouts(deps)).toMatchObject({ status: "SUCCEEDED", seen: 12, new: 9 });
    const details = await processDetails(deps, { batchSize: 0 });
    expect(details.status).toBe("SUCCEEDED");
    const fetched = sim.requests.slice(asked).filter((request) => /^\/api\/ride\/[^/]+\/details$/.test(request.path));
    const fetchedIds = fetched.map((request) => request.path.split("/")[3]);
    expect(fetchedIds.filter((id) => imported.includes(id!))).toEqual([]);
    // the other classes of the simulator, and the pending ones (which it does not have: failed, with why)
    expect(new Set(fetchedIds)).toEqual(new Set([...sim.catalogue.classes.map((c) => c.id).filter((id) => !imported.includes(id)), ...pendingIds]));
    expect(await db.workouts.workout.count({ where: { processed: true } })).toBe(12 + usableLegacyClasses.length);
    for (const [i, id] of imported.entries()) expect(await stored(id)).toEqual(playlists[i]);
    // the sync listed the imported classes under their category
    expect(await db.workouts.workout.findMany({ where: { id: { in: imported } }, select: { categories: true } })).toEqual(
      imported.map(() => ({ categories: ["cycling"] })),
    );
  }, 120_000);

  it("completes a class left pending from the scripts' columns when its answer comes in later, as if stored at once", async () => {
    const later = await createLegacyDatabases();
    cleanups.push(() => later.remove());
    const db = await target();
    expect((await importInto(db, later.source)).pending.map((p) => p.id)).toContain(legacyClasses.workoutsOnly);
    expect(await db.workouts.workout.findUnique({ where: { id: legacyClasses.workoutsOnly } })).toMatchObject({ discipline: null, category: "" });
    // the scripts fetch its details at last: the 15cb7793 answer, made this class's
    const answer = realCapture("details-15cb7793-2025.json");
    answer.ride.id = legacyClasses.workoutsOnly;
    await later.query("detailed", "INSERT INTO detailed_workouts (id, title, full_details) VALUES ($1, $2, $3)", [
      legacyClasses.workoutsOnly,
      answer.ride.title,
      answer,
    ]);
    expect(await importInto(db, later.source)).toMatchObject({ imported: 1 });

    const reference = await target();
    await importInto(reference, later.source);
    expect(await classRow(db, legacyClasses.workoutsOnly)).toEqual(await classRow(reference, legacyClasses.workoutsOnly));
    expect(await classRow(db, legacyClasses.workoutsOnly)).toMatchObject({
      discipline: "cycling",
      category: "cycling",
      durationSeconds: 300,
      listEntry: { id: legacyClasses.workoutsOnly },
    });
  }, 120_000);

  it("completes a pending imported class that a details run fetches, whether a sync listed it first or not", async () => {
    const simIds = simAnswers.map((answer) => answer.ride.id as string);
    const [unlisted, listed] = sim.catalogue.classes.filter((c) => !simIds.includes(c.id));
    const fromScripts = await createLegacyDatabases();
    cleanups.push(() => fromScripts.remove());
    for (const c of [unlisted!, listed!]) {
      await fromScripts.query("workouts", "INSERT INTO workouts (id, title) VALUES ($1, $2)", [c.id, c.title]);
    }
    const { client, dataDir } = await testClient(simulatorConfig(sim));
    cleanups.push(() => removeDir(dataDir));
    const deps = (databases: Databases) => ({ workouts: databases.workouts, detailed: databases.detailed, peloton: client, logger: silentLogger });

    const db = await target();
    await importInto(db, fromScripts.source);
    expect(await db.workouts.workout.findMany({ where: { id: { in: [unlisted!.id, listed!.id] } }, select: { category: true, discipline: true } })).toEqual([
      { category: "", discipline: null },
      { category: "", discipline: null },
    ]);
    // fetched by id, before any sync: as a details run stores a class no sync listed
    expect(await processDetails(deps(db), { ids: [unlisted!.id] })).toMatchObject({ status: "SUCCEEDED", processed: 1 });
    const byId = await target();
    await processDetails(deps(byId), { ids: [unlisted!.id] });
    expect(await classRow(db, unlisted!.id)).toEqual(await classRow(byId, unlisted!.id));
    // listed by a sync, then fetched: as a sync and a details run store it, the category it was listed under too
    expect(await syncWorkouts(deps(db))).toMatchObject({ status: "SUCCEEDED" });
    expect(await processDetails(deps(db), { ids: [listed!.id] })).toMatchObject({ status: "SUCCEEDED", processed: 1 });
    const synced = await target();
    await syncWorkouts(deps(synced));
    await processDetails(deps(synced), { ids: [listed!.id] });
    expect(await classRow(db, listed!.id)).toEqual(await classRow(synced, listed!.id));
    expect(await classRow(db, listed!.id)).toMatchObject({ category: "cycling", categories: ["cycling"] });
  }, 120_000);

  it("needs only the right to read, and pages through both tables in id order", async () => {
    const role = scratchName();
    await withAdmin(async (admin) => {
      await admin.query(`CREATE ROLE "${role}" LOGIN`);
      for (const database of [legacy.source.workoutsDb, legacy.source.detailedDb]) {
        await withAdmin((client) => client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO "${role}"`), databaseUrl(database, adminUrl));
      }
    });
    cleanups.push(() =>
      withAdmin(async (admin) => {
        for (const database of [legacy.source.workoutsDb, legacy.source.detailedDb]) {
          await withAdmin((client) => client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "${role}"`), databaseUrl(database, adminUrl));
        }
        await admin.query(`DROP ROLE "${role}"`);
      }),
    );
    const server = new URL(legacy.source.server);
    server.username = role;
    const source = { ...legacy.source, server: server.toString() };
    const databases = await openLegacyDatabases(source, silentLogger);
    const ids: string[] = [];
    try {
      // three at a time: workoutsOnly sorts after every id of detailed_workouts, the 0a1e… ones before
      for (let page = await databases.classesAfter(undefined, 3); page.length; page = await databases.classesAfter(page.at(-1)!.id, 3)) {
        expect(page.length).toBeLessThanOrEqual(3);
        ids.push(...page.map((found) => found.id));
      }
      await expect(databases.countClasses()).resolves.toBe(ids.length);
    } finally {
      await databases.close();
    }
    expect(ids).toEqual([...new Set(ids)].sort());
    expect(ids).toHaveLength(5 + pendingIds.length);
    const db = await target();
    const before = await legacy.checksum();
    expect(await importInto(db, source)).toMatchObject({ imported: 5, pending: expect.any(Array) });
    expect(await legacy.checksum()).toBe(before);
  }, 120_000);

  it("says which GRANT lets a role that may connect but not read the tables read them", async () => {
    const role = scratchName();
    const { detailedDb, workoutsDb } = legacy.source;
    await withAdmin((admin) => admin.query(`CREATE ROLE "${role}" LOGIN`));
    cleanups.push(() =>
      withAdmin(async (admin) => {
        for (const database of [workoutsDb, detailedDb]) {
          await withAdmin((client) => client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "${role}"`), databaseUrl(database, adminUrl));
        }
        await admin.query(`DROP ROLE "${role}"`);
      }),
    );
    const server = new URL(legacy.source.server);
    server.username = role;
    const source = { ...legacy.source, server: server.toString() };
    const error = await openLegacyDatabases(source, silentLogger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toBe(
      `The role ${role} may not read the original scripts' tables detailed_workouts, instructors, songs in ${detailedDb}; workouts in ${workoutsDb} ` +
        `(on postgresql://${role}@127.0.0.1:5432). As their owner or a superuser, run in ${detailedDb}, GRANT SELECT ON detailed_workouts, instructors, songs TO ${role}; ` +
        `and in ${workoutsDb}, GRANT SELECT ON workouts TO ${role}; or give --from a role that may read them.`,
    );
    // what it says to run is what it takes
    for (const [, database, grant] of message.matchAll(/in (\S+), (GRANT [^;]+;)/g)) {
      await withAdmin((client) => client.query(grant!), databaseUrl(database!, adminUrl));
    }
    const databases = await openLegacyDatabases(source, silentLogger);
    await databases.close();
    expect(databases.found.map((found) => found.tables.length)).toEqual([3, 1]);
  }, 60_000);

  it("lets no row stop it: ids no sync would store are pending without a row, odd values are read as a sync reads them", async () => {
    const hostile = await createLegacyDatabases();
    cleanups.push(() => hostile.remove());
    // columns of other types, as to_jsonb then gives them: numbers, lists, objects where the scripts had text
    await hostile.query(
      "workouts",
      `ALTER TABLE workouts ALTER COLUMN title TYPE jsonb USING to_jsonb(title), ALTER COLUMN instructor_name TYPE jsonb USING to_jsonb(instructor_name),
                            ALTER COLUMN difficulty TYPE jsonb USING to_jsonb(difficulty), ALTER COLUMN length TYPE text`,
    );
    await hostile.query(
      "detailed",
      `ALTER TABLE detailed_workouts ALTER COLUMN title TYPE jsonb USING to_jsonb(title), ALTER COLUMN duration TYPE jsonb USING to_jsonb(duration),
                                     ALTER COLUMN fitness_discipline TYPE jsonb USING to_jsonb(fitness_discipline)`,
    );
    const hex = (n: number) => `ba0${String(n).padStart(29, "0")}`;
    const oddIds = ["", "   ", "a".repeat(300), ` ${hex(9)} `];
    const huge = `${"Ride 😀 ".repeat(40_000)}\u202Eend`;
    // ids a sync would store, whose UTF-8 order is not JavaScript's (U+FFFD before U+1F600 in bytes, after it in UTF-16)
    const unicode = ["\uFFFDclass", "😀class", "e\u0301class"];
    const workouts: [string, string, string | null, string | null, string | null][] = [
      ...oddIds.map((id): [string, string, null, null, null] => [id, JSON.stringify(`odd ${id.length}`), null, null, null]),
      [hex(1), JSON.stringify(huge), "[1, 2]", '"hard"', "long"],
      [hex(2), "42", '{"name": "Olivia"}', "[5]", "99999999999999999999"],
      [hex(3), "[]", "true", "true", "-1"],
      ...unicode.map((id): [string, string, string, null, null] => [id, JSON.stringify(`Unicode ${id}`), JSON.stringify("Ålice ‮"), null, null]),
    ];
    for (const row of workouts) {
      await hostile.query(
        "workouts",
        "INSERT INTO workouts (id, title, instructor_name, difficulty, length) VALUES ($1, $2::jsonb, $3::jsonb, $4::jsonb, $5)",
        row,
      );
    }
    const detailed: [string, string, string | null, string | null, string | null][] = [
      ["   ", '"padded"', null, null, null],
      [hex(1), "7", "[1]", '{"x": 1}', "42"],
      [hex(2), '["t"]', '"long"', "7", "[1, 2, 3]"],
      [hex(3), "null", "true", "[]", JSON.stringify(JSON.stringify(null))],
      [hex(4), '"Four"', "1e40", '"cycling"', JSON.stringify({ ride: "a string", playlist: 5 })],
      [
        hex(5),
        '"Five"',
        "1200",
        '"cycling"',
        JSON.stringify({
          ride: { id: hex(5), title: ["t"], duration: "long", is_explicit: "yes", original_air_time: 1e300, instructor_id: { a: 1 } },
          playlist: { songs: "none" },
        }),
      ],
      ["😀class", '"Emoji"', null, null, JSON.stringify({ ride: { id: "😀class", title: huge }, playlist: null })],
    ];
    for (const row of detailed) {
      await hostile.query(
        "detailed",
        "INSERT INTO detailed_workouts (id, title, duration, fitness_discipline, full_details) VALUES ($1, $2::jsonb, $3::jsonb, $4::jsonb, $5::jsonb)",
        row,
      );
    }
    const ids = [...new Set([...pendingIds, ...usableLegacyClasses, ...workouts.map(([id]) => id), ...detailed.map(([id]) => id)])];
    const byBytes = [...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

    // every id once, in byte order, two at a time
    const databases = await openLegacyDatabases(hostile.source, silentLogger);
    const paged: string[] = [];
    try {
      for (let page = await databases.classesAfter(undefined, 2); page.length; page = await databases.classesAfter(page.at(-1)!.id, 2)) {
        paged.push(...page.map((found) => found.id));
      }
      expect(await databases.countClasses()).toBe(ids.length);
    } finally {
      await databases.close();
    }
    expect(paged).toEqual(byBytes);

    const db = await target();
    const summary = await importInto(db, hostile.source);
    const reasons = new Map(summary.pending.map((p) => [p.id, p.reason]));
    expect(summary).toMatchObject({ total: ids.length, imported: usableLegacyClasses.length + 2, already: 0, stopped: false });
    expect(summary.pending.map((p) => p.id)).toEqual(byBytes.filter((id) => ![...usableLegacyClasses, hex(5), "😀class"].includes(id)));
    for (const id of oddIds) expect(reasons.get(id)).toBe("not a Peloton class id; left out (no row written)");
    expect(summary.pending.find((p) => p.id === "   ")?.title).toBe("odd 3");
    expect(reasons.get(hex(1))).toBe("full_details holds a number, not the class's details");
    expect(reasons.get(hex(2))).toBe("full_details holds a list, not the class's details");
    expect(reasons.get(hex(3))).toBe("full_details holds null, not the class's details");
    expect(reasons.get(hex(4))).toMatch(/^Unexpected response for class ba0\d+'s full_details: ride: /);
    expect(reasons.get("\uFFFDclass")).toBe("no details kept (no detailed_workouts row)");

    const rows = new Map((await db.workouts.workout.findMany()).map((row) => [row.id, row]));
    expect(oddIds.filter((id) => rows.has(id) || rows.has(id.trim()))).toEqual([]);
    expect([...rows.keys()].sort()).toEqual(ids.filter((id) => !oddIds.includes(id)).sort());
    expect(rows.get(hex(1))).toMatchObject({ title: huge.slice(0, 500), instructorName: null, difficulty: null, length: null, durationSeconds: null });
    expect(rows.get(hex(2))).toMatchObject({ title: "", instructorName: null, difficulty: null, length: null, durationSeconds: null, processed: false });
    expect(rows.get(hex(3))).toMatchObject({ title: "", difficulty: null, length: -1, processed: false });
    expect(rows.get(hex(5))).toMatchObject({ title: "", explicit: false, originalAirTime: null, processed: true });
    expect(rows.get("😀class")).toMatchObject({ title: huge.slice(0, 500), processed: true });
    expect(rows.get("e\u0301class")).toMatchObject({ title: "Unicode e\u0301class", instructorName: "Ålice ‮", processed: false });

    // and again: nothing new, the same classes pending
    const again = await importInto(db, hostile.source);
    expect(again).toMatchObject({ total: ids.length, imported: 0, already: summary.imported });
    expect(again.pending).toEqual(summary.pending);
  }, 120_000);

  it("reads an older layout (details beside the class list, no detailed database) with a warning, and says where it found nothing", async () => {
    const older = await createLegacyDatabases({ layout: "detailed-in-workouts" });
    cleanups.push(() => older.remove());
    const databases = await openLegacyDatabases(older.source, silentLogger);
    try {
      expect(databases.warnings).toEqual([expect.stringMatching(new RegExp(`^${older.source.detailedDb}: no such database on postgresql://`))]);
      expect(databases.found).toEqual([
        { database: older.source.detailedDb, tables: [] },
        { database: older.source.workoutsDb, tables: ["workouts", "detailed_workouts", "songs"] },
      ]);
      const db = await target();
      const summary = await importInto(db, older.source);
      expect(summary).toMatchObject({ imported: 2, total: 2 + pendingIds.length });
      expect(summary.pending.find((p) => p.id === legacyClasses.listEntry)?.reason).toMatch(/list entry.*lists 2 songs/);
    } finally {
      await databases.close();
    }

    const nowhere = { ...older.source, workoutsDb: `${scratchName()}_none`, detailedDb: older.source.detailedDb };
    const error = await openLegacyDatabases(nowhere, silentLogger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Nothing to import: found no workouts or detailed_workouts table .* in ${older.source.detailedDb} or ${nowhere.workoutsDb} on postgresql://`),
    );
  }, 120_000);

  it("stops after the class in flight when signalled, and a new import goes on from there", async () => {
    const db = await target();
    const stop = new AbortController();
    const stopped = await importInto(db, legacy.source, stop.signal, (progress) => {
      if (progress.done === 3) stop.abort();
    });
    expect(stopped).toMatchObject({ stopped: true });
    expect(stopped.imported + stopped.pending.length).toBe(3);
    const rest = await importInto(db);
    expect(rest).toMatchObject({ stopped: false, already: stopped.imported, imported: 5 - stopped.imported });
    expect(rest.pending.map((p) => p.id)).toEqual(pendingIds);
  }, 120_000);
});
