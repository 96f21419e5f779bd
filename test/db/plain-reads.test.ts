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

  // each list's length as Prisma counts it, by parent's Peloton id
  const lengths: Record<string, (id: string) => Promise<number>> = {
    "instructors workouts": (id) => db.detailed.detailedWorkout.count({ where: { instructorId: id } }),
    "songs workouts": (id) => db.detailed.detailedWorkout.count({ where: { playlist: { some: { songId: id } } } }),
    "artists songs": (id) => db.detailed.song.count({ where: { artists: { some: { artistId: id } } } }),
  };

  it.each(lists)("count $root' $list with the page's rows, as Prisma counts them, on every page", async ({ root, list, plain, prisma }) => {
    const api = createApi(db);
    const lengthOf = lengths[`${root} ${list}`]!;
    const page = (fields: string, args: string) =>
      `{ ${root}(first: 6) { edges { node { id: pelotonId ${list}(${args}) { totalCount edges { cursor node { ${fields} } } } } } } }`;
    type Lists = Record<string, { edges: { node: { id: string } & Record<string, { totalCount: number; edges: { cursor: string }[] }> }[] }>;
    for (const args of ["first: 1", "first: 3", "first: 40", "last: 2"]) {
      for (const fields of [plain, prisma]) {
        const { data, errors } = await execute(api, page(fields, args));
        expect(errors).toBeUndefined();
        const parents = (data as Lists)[root]!.edges.map(({ node }) => ({ id: node.id as unknown as string, page: node[list]! }));
        if (args === "first: 1") expect(parents.some((parent) => parent.page.totalCount > 1)).toBe(true);
        for (const parent of parents) expect(parent.page.totalCount).toBe(await lengthOf(parent.id));
        // and pages after a cursor, read on their own, counted apart
        const second = parents.find((parent) => parent.page.totalCount > 1);
        if (second && args.startsWith("first")) {
          const after = `{ ${root}(first: 6) { edges { node { id: pelotonId ${list}(first: 2, after: "${second.page.edges[0]!.cursor}") { totalCount } } } } }`;
          const next = await execute(api, after);
          expect(next.errors).toBeUndefined();
          for (const { node } of (next.data as Lists)[root]!.edges) expect(node[list]!.totalCount).toBe(await lengthOf(node.id as unknown as string));
        }
      }
    }
  });

  it("count albums' songs, an empty list, and the same list paged twice in one request", async () => {
    const api = createApi(db);
    const albums = await db.detailed.album.findMany({ select: { id: true, _count: { select: { songs: true } } }, orderBy: { id: "asc" } });
    expect(albums.some((album) => album._count.songs > 1)).toBe(true);
    for (const album of albums.slice(0, 10)) {
      const { data, errors } = await execute(api, `query ($id: ID!) { album(id: $id) { songs(first: 1) { totalCount edges { cursor } } } }`, { id: album.id });
      expect(errors).toBeUndefined();
      expect((data as { album: { songs: { totalCount: number } } }).album.songs.totalCount).toBe(album._count.songs);
    }
    await db.detailed.instructor.upsert({ where: { id: "no-classes" }, create: { id: "no-classes", name: "Nobody Yet" }, update: {} });
    const lonely = await execute(api, `{ instructor(id: "no-classes") { workouts(first: 3) { totalCount edges { cursor } } } }`);
    expect(lonely).toEqual({ data: { instructor: { workouts: { totalCount: 0, edges: [] } } } });
    const [busiest] = await db.detailed.instructor.findMany({
      orderBy: { workouts: { _count: "desc" } },
      take: 1,
      select: { id: true, _count: { select: { workouts: true } } },
    });
    const twice = await execute(
      api,
      `query ($id: ID!) { instructor(id: $id) { a: workouts(first: 1) { totalCount edges { cursor } } b: workouts(first: 40) { totalCount edges { cursor } } } }`,
      { id: busiest!.id },
    );
    const count = busiest!._count.workouts;
    expect(twice.errors).toBeUndefined();
    expect(twice.data).toMatchObject({ instructor: { a: { totalCount: count }, b: { totalCount: count } } });
  });

  it("read each page in one statement with its rows, and its totalCount with them", async () => {
    const sent: string[] = [];
    const counted = await openTestDatabases({ onQuery: (database, sql) => database === "detailed" && sent.push(sql) });
    try {
      await ingestFromSimulatorInto(counted);
      const api = createApi(counted);
      for (const query of [
        "{ instructors(first: 5) { edges { node { workouts(first: 3) { edges { node { title } } } } } } }",
        "{ instructors(first: 5) { edges { node { workouts(first: 3) { totalCount edges { node { title } } } } } } }",
        "{ artists(first: 5) { edges { node { songs(first: 2) { totalCount edges { node { title } } } } } } }",
        "{ songs(first: 5) { edges { node { workouts(first: 2) { totalCount edges { cursor } } } } } }",
      ]) {
        sent.length = 0;
        const { errors } = await execute(api, query);
        expect(errors).toBeUndefined();
        // the parents' page, then the pages of their lists with their rows and lengths
        expect(sent).toHaveLength(2);
      }
    } finally {
      await counted.dispose();
    }
  });
});
