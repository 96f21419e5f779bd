import { ingestFromSimulator } from "../../harness/simulator";
import { type PlainModel, plainFieldsOf, plainReader } from "../../src/db/plain-reads";
import { createApi } from "../../src/server";
import { startSimulator } from "../../src/simulator";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

// The hand-written reads (src/db/plain-reads.ts) must answer what Prisma answers for the same
// selection: every field alone and all together, of every row, nulls included, and the relations they
// read (a class's instructor, its playlist with the songs). Dates are the text the DateTime scalar writes.

let db: TestDatabases;

beforeAll(async () => {
  const sim = await startSimulator({ classes: 40, disciplines: ["cycling", "strength"] });
  db = await openTestDatabases();
  try {
    await ingestFromSimulator(db, sim);
  } finally {
    await sim.close();
  }
  // nulls where columns allow them, and an air time with milliseconds
  const some = (k: number) => ({ id: { in: sim.catalogue.classes.filter((_, i) => i % 7 === k).map((c) => c.id) } });
  await db.detailed.detailedWorkout.updateMany({
    where: some(1),
    data: { instructorId: null, description: null, durationSeconds: null, difficultyRatingAvg: null, originalAirTime: null, imageUrl: null },
  });
  await db.detailed.detailedWorkout.updateMany({ where: some(2), data: { originalAirTime: new Date("2021-03-04T05:06:07.089Z"), classTypes: [] } });
  await db.detailed.playlistEntry.updateMany({ where: { workoutId: some(3).id }, data: { startOffsetSeconds: null } });
  // a class without a playlist
  await db.detailed.playlistEntry.deleteMany({ where: { workoutId: sim.catalogue.classes[5]!.id } });
  await db.detailed.song.updateMany({
    where: { id: { in: (await db.detailed.song.findMany({ take: 5 })).map((s) => s.id) } },
    data: { albumId: null, imageUrl: null },
  });
});
afterAll(() => db?.dispose());

async function ingestFromSimulatorInto(databases: TestDatabases) {
  const sim = await startSimulator({ classes: 10, disciplines: ["cycling"] });
  try {
    await ingestFromSimulator(databases, sim);
  } finally {
    await sim.close();
  }
}

/** Prisma's rows with Dates as the text the API writes, by id. */
const normalised = (rows: object[]) => new Map(rows.map((row) => [(row as { id: string }).id, JSON.parse(JSON.stringify(row)) as unknown]));

const delegates = (model: PlainModel) =>
  ({ workout: db.detailed.detailedWorkout, instructor: db.detailed.instructor, song: db.detailed.song, artist: db.detailed.artist, album: db.detailed.album })[
    model
  ] as unknown as { findMany(args: object): Promise<object[]> };

async function expectAsPrisma(model: PlainModel, select: Record<string, unknown>) {
  const prisma = await delegates(model).findMany({ select });
  expect(prisma.length).toBeGreaterThan(0);
  const ids = prisma.map((row) => (row as { id: string }).id);
  const read = plainReader<object>(db.detailed, model, { select });
  expect(read).not.toBeNull();
  const plain = await read!([...ids, "no-such-id"]);
  expect(normalised(plain)).toEqual(normalised(prisma));
}

const models: PlainModel[] = ["workout", "instructor", "song", "artist", "album"];

describe("rows read as SQL", () => {
  it.each(models)("answer each %s field alone, and all together, as Prisma does", async (model) => {
    const fields = plainFieldsOf(model);
    for (const field of fields) await expectAsPrisma(model, { id: true, [field]: true });
    await expectAsPrisma(model, Object.fromEntries(fields.map((field) => [field, true])));
  });

  it("answer a class's instructor and its playlist with its songs as Prisma does, in class order, empty or null where there is none", async () => {
    const every = (model: PlainModel) => Object.fromEntries(plainFieldsOf(model).map((field) => [field, true]));
    const playlist = (select: Record<string, unknown>) => ({ orderBy: { position: "asc" }, select });
    await expectAsPrisma("workout", {
      id: true,
      instructor: { select: every("instructor") },
      playlist: playlist({ position: true, startOffsetSeconds: true, songId: true, song: { select: every("song") } }),
    });
    await expectAsPrisma("workout", { id: true, title: true, instructor: { select: { name: true } } });
    await expectAsPrisma("workout", { id: true, playlist: playlist({ position: true }) });
    await expectAsPrisma("workout", { id: true, playlist: playlist({ song: { select: { title: true } } }) });
    // classes without a playlist answer an empty one
    const { id } = await db.detailed.detailedWorkout.findFirstOrThrow({ where: { playlist: { none: {} } }, select: { id: true } });
    expect(await plainReader(db.detailed, "workout", { select: { id: true, playlist: playlist({ position: true }) } })!([id])).toEqual([{ id, playlist: [] }]);
  });

  it("are not made for what they do not read: Prisma reads it", () => {
    const unread = [
      { select: { id: true, fullDetails: true } },
      { select: { id: true, instructor: { select: { id: true, createdAt: true } } } },
      { select: { id: true, playlist: { select: { position: true } } } },
      { select: { id: true, playlist: { orderBy: { position: "desc" }, select: { position: true } } } },
      { select: { id: true, playlist: { orderBy: { position: "asc" }, select: { song: { select: { album: { select: { name: true } } } } } } } },
      { include: { instructor: true } },
      { select: { id: true }, where: { id: "x" } },
      { select: {} },
    ];
    for (const selection of unread) expect(plainReader(db.detailed, "workout", selection)).toBeNull();
  });
});

describe("pages of several parents' lists", () => {
  // the songs' albums are no column of the hand-written statement: those pages are read through Prisma
  const workoutFields = "id: pelotonId title discipline durationSeconds difficulty airedAt imageUrl explicit classTypes instructor { name }";
  const songFields = "id: pelotonId title artistNames imageUrl explicit playCount";
  const lists = [
    { root: "instructors", list: "workouts", plain: workoutFields, prisma: `${workoutFields} playlist { song { album { name } } }` },
    { root: "songs", list: "workouts", plain: workoutFields, prisma: `${workoutFields} playlist { song { album { name } } }` },
    { root: "artists", list: "songs", plain: songFields, prisma: `${songFields} album { name }` },
  ];

  it.each(lists)("answer $root' $list in one statement, as the rows read through Prisma", async ({ root, list, plain, prisma }) => {
    const api = createApi(db);
    const page = (fields: string, first: number) =>
      `{ ${root}(first: 6) { edges { node { id: pelotonId ${list}(first: ${first}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${fields} } } } } } } }`;
    for (const first of [1, 3, 12]) {
      const one = await execute(api, page(plain, first));
      const two = await execute(api, page(prisma, first));
      expect(one.errors ?? two.errors).toBeUndefined();
      const without = (data: unknown) => JSON.parse(JSON.stringify(data), (key, value) => (key === "playlist" || key === "album" ? undefined : value));
      expect(one.data).toEqual(without(two.data));
      const pages = (one.data as Record<string, { edges: { node: Record<string, { edges: unknown[] }> }[] }>)[root]!.edges;
      expect(pages.filter((edge) => edge.node[list]!.edges.length > 0).length).toBeGreaterThan(1);
    }
  });

  it("read each page in one statement with its rows", async () => {
    const sent: string[] = [];
    const counted = await openTestDatabases({ onQuery: (database, sql) => database === "detailed" && sent.push(sql) });
    try {
      await ingestFromSimulatorInto(counted);
      const api = createApi(counted);
      sent.length = 0;
      const { errors } = await execute(api, `{ instructors(first: 5) { edges { node { workouts(first: 3) { edges { node { title } } } } } } }`);
      expect(errors).toBeUndefined();
      // the instructors' page, then the pages of their classes with the classes
      expect(sent).toHaveLength(2);
    } finally {
      await counted.dispose();
    }
  });
});
