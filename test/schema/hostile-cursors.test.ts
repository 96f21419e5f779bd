import { ingestFromSimulator } from "../../harness/simulator";
import { createApi } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { openTestDatabases, type TestDatabases } from "../support/databases";

// Cursors a client made up: each must answer a page or BAD_USER_INPUT, never "Unexpected error".
// Plain strings: codegen need not type deliberately hostile operations.

let sim: Simulator;
let db: TestDatabases;
let api: ReturnType<typeof createApi>;
let realId: string;

beforeAll(async () => {
  [sim, db] = await Promise.all([startSimulator({ classes: 12, disciplines: ["cycling"] }), openTestDatabases()]);
  await ingestFromSimulator(db, sim);
  api = createApi(db);
  const { data } = await send(`{ workouts(first: 3, orderBy: DIFFICULTY_DESC) { edges { node { id: pelotonId } } } }`);
  realId = (data as { workouts: { edges: { node: { id: string } }[] } }).workouts.edges[1]!.node.id;
});
afterAll(() => Promise.all([sim.close(), db.dispose()]));

interface Answer {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function send(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await api.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return response.json() as Promise<Answer>;
}

const b64 = (text: string) => Buffer.from(text).toString("base64");
const cursor = (id: unknown, field: unknown, value: string) => b64(`Workout:[${JSON.stringify(id)},${JSON.stringify(field)},${value}]`);

// values as JSON text, so that 1e-400 and -0 reach the server as written
const numbers = [
  "1.7976931348623157e308",
  "-1.7976931348623157e308",
  "1.797e308",
  "1e308",
  "1e309",
  "-1e999",
  "-0",
  "0",
  "1e-400",
  "5e-324",
  "-5e-324",
  "2.2250738585072014e-308",
  "3.5e38",
  "9007199254740993",
  "7.5",
];
const dates = [
  "+275760-09-13T00:00:00.000Z",
  "-271821-04-20T00:00:00.000Z",
  "0000-01-01T00:00:00.000Z",
  "-000001-01-01T00:00:00.000Z",
  "0001-01-01T00:00:00.000Z",
  "9999-12-31T23:59:59.999Z",
  "+010000-01-01T00:00:00.000Z",
  "+294277-01-01T00:00:00.000Z",
  "2020-01-01",
  "2020-02-30T00:00:00.000Z",
  "1",
  "2021-06-01T12:00:00.000Z",
].map((date) => JSON.stringify(date));
const others = ["null", "true", '"7.5"', "[]", "[1]", "[[[[[[1]]]]]]", "{}", '{"a":1}', '"x"'];
const ids = () => [
  realId,
  "no-such-class",
  "",
  "a".repeat(200),
  "a".repeat(201),
  "a".repeat(50_000),
  "a\u0000b",
  "\u{1F600}",
  42,
  null,
  ["nested"],
  { id: realId },
];

/** Every made-up cursor: each value under each sort field with a real id, each id with a usable value, and what is not a cursor at all. */
function hostileCursors(): { name: string; cursor: string }[] {
  const made: { name: string; cursor: string }[] = [];
  for (const field of ["difficultyRatingAvg", "originalAirTime", "title", null, 1])
    for (const value of [...numbers, ...dates, ...others]) made.push({ name: `[real id, ${field}, ${value}]`, cursor: cursor(realId, field, value) });
  for (const id of ids())
    made.push({ name: `[${JSON.stringify(id).slice(0, 40)}, difficultyRatingAvg, 7.5]`, cursor: cursor(id, "difficultyRatingAvg", "7.5") });
  const texts = [
    `Workout:[${JSON.stringify(realId)},"difficultyRatingAvg",7.5,"extra"]`,
    `Workout:[${JSON.stringify(realId)}]`,
    `Workout:${"[".repeat(5000)}${"]".repeat(5000)}`,
    "Workout:{}",
    "Workout:",
    `GPC:S:${realId}`,
    "GPC:S:",
    `GPC:S:${"a".repeat(50_000)}`,
    "OffsetConnection:3",
  ];
  for (const text of texts) made.push({ name: text.slice(0, 60), cursor: b64(text) });
  made.push({ name: "not base64", cursor: "%%%" }, { name: "padding inside", cursor: `${b64("GPC:S:")}=${b64(realId)}` });
  return made;
}

describe("hostile workouts cursors", () => {
  it("each answers a page or BAD_USER_INPUT, in every order and direction", async () => {
    const unexpected: string[] = [];
    for (const { name, cursor } of hostileCursors())
      for (const order of ["AIRED_DESC", "AIRED_ASC", "DIFFICULTY_DESC"])
        for (const page of ["first: 3, after: $c", "last: 3, before: $c"]) {
          const { data, errors } = await send(`query ($c: String) { workouts(${page}, orderBy: ${order}) { edges { cursor node { id } } } }`, { c: cursor });
          const answered = errors === undefined && data != null;
          const refused = errors?.every((error) => error.extensions?.code === "BAD_USER_INPUT") ?? false;
          if (!answered && !refused) unexpected.push(`${name} ${order} ${page}: ${JSON.stringify(errors)}`);
        }
    expect(unexpected).toEqual([]);
  });

  it("refuses values the columns cannot hold as an invalid cursor, before the database sees them", async () => {
    const refused = [
      cursor(realId, "difficultyRatingAvg", "1.7976931348623157e308"),
      cursor(realId, "difficultyRatingAvg", "-1e999"),
      cursor(realId, "originalAirTime", '"0000-01-01T00:00:00.000Z"'),
      cursor(realId, "originalAirTime", '"+275760-09-13T00:00:00.000Z"'),
      cursor(realId, "originalAirTime", '"2020-01-01"'),
      cursor("a".repeat(201), "difficultyRatingAvg", "7.5"),
      cursor(realId, "difficultyRatingAvg", "[[1]]"),
      b64(`GPC:S:${"a".repeat(201)}`),
    ];
    for (const c of refused) {
      for (const order of ["AIRED_DESC", "DIFFICULTY_DESC"]) {
        const { errors } = await send(`query ($c: String) { workouts(first: 3, after: $c, orderBy: ${order}) { edges { node { id: pelotonId } } } }`, { c });
        expect(errors).toEqual([expect.objectContaining({ message: "after: invalid cursor", extensions: { code: "BAD_USER_INPUT", argumentName: "after" } })]);
      }
    }
  });

  it("still pages with the cursors it gives out, at the edges of what they may hold", async () => {
    for (const c of [
      cursor(realId, "difficultyRatingAvg", "1e308"),
      cursor(realId, "difficultyRatingAvg", "-0"),
      cursor(realId, "originalAirTime", '"9999-12-31T23:59:59.999Z"'),
      cursor(realId, "originalAirTime", "null"),
    ]) {
      const { data, errors } = await send(
        `query ($c: String) { workouts(first: 3, after: $c, orderBy: DIFFICULTY_DESC) { edges { node { id: pelotonId } } } }`,
        { c },
      );
      expect(errors).toBeUndefined();
      expect(data).toBeDefined();
    }
  });
});

const searchCursor = (prefix: string, ...values: string[]) => b64(`${prefix}[${values.join(",")}]`);

/** Made-up cursors of a search: each value out of what its place holds, with the others usable, and cursors of other lists. */
function hostileSearchCursors(prefix: string): { name: string; cursor: string }[] {
  const usable = ["1764000000000", "9", "3", '"Gold"', '"song-1"'];
  const values = [
    ["-1", "1.5", "1e308", "253402300800000", "9007199254740993", "null", '"1764000000000"', "[]"],
    ["-2147483649", "2147483648", "1.5", "null", '"9"', "1e400"],
    ["-1", "1.5", "9007199254740993", "1e308", "null", '"3"'],
    names,
    rowIds,
  ];
  return [
    ...hostileListCursors(prefix, usable, values),
    { name: "a workouts cursor", cursor: cursor(realId, "difficultyRatingAvg", "7.5") },
    { name: "not base64", cursor: "%%%" },
  ];
}

describe("hostile search cursors", () => {
  const lists = [
    { field: "songs", prefix: "SongSearch:", other: "ArtistSearch:", search: "an" },
    { field: "artists", prefix: "ArtistSearch:", other: "SongSearch:", search: "an" },
  ];

  it.each(lists)("each answers a page of $field or BAD_USER_INPUT, in both directions", async ({ field, prefix, other, search }) => {
    const unexpected: string[] = [];
    for (const { name, cursor } of [...hostileSearchCursors(prefix), ...hostileSearchCursors(other)])
      for (const page of ["first: 3, after: $c", "last: 3, before: $c"]) {
        const { data, errors } = await send(`query ($c: String) { ${field}(search: "${search}", ${page}) { totalCount edges { cursor } } }`, { c: cursor });
        const answered = errors === undefined && data != null;
        const refused = errors?.every((error) => error.extensions?.code === "BAD_USER_INPUT") ?? false;
        if (!answered && !refused) unexpected.push(`${name} ${page}: ${JSON.stringify(errors)}`);
      }
    expect(unexpected).toEqual([]);
  });

  it("refuses what no search gives out as an invalid cursor, before the database sees it", async () => {
    const accepted: string[] = [];
    for (const { name, cursor } of [...hostileSearchCursors("SongSearch:"), ...hostileSearchCursors("ArtistSearch:")]) {
      const { errors } = await send(`query ($c: String) { songs(search: "an", first: 3, after: $c) { edges { cursor } } }`, { c: cursor });
      const [error, ...more] = errors ?? [];
      const refused = more.length === 0 && error?.message === "after: invalid cursor" && error.extensions?.code === "BAD_USER_INPUT";
      if (!refused) accepted.push(`${name}: ${JSON.stringify(errors)}`);
    }
    expect(accepted).toEqual([]);
  });

  it("still pages with the cursors a search gives out, at the edges of what they may hold", async () => {
    for (const values of [
      ["0", "0", "0", '""', '"a"'],
      ["253402300799999", "-2147483648", "9007199254740991", JSON.stringify("é".repeat(1352)), JSON.stringify("a".repeat(200))],
      ["1764000000000", "2147483647", "0", '"\\ud83c\\udfb5 ü"', '"song-1"'],
    ]) {
      for (const page of ["first: 3, after: $c", "last: 3, before: $c"]) {
        const { data, errors } = await send(`query ($c: String) { songs(search: "an", ${page}) { edges { cursor } } }`, {
          c: searchCursor("SongSearch:", ...values),
        });
        expect(errors).toBeUndefined();
        expect(data).toBeDefined();
      }
    }
  });
});

/** Made-up cursors of a list without a search (`prefix`, then its values as JSON): each value out of what its place holds, with the others usable. */
function hostileListCursors(prefix: string, usable: string[], values: string[][]): { name: string; cursor: string }[] {
  const made: { name: string; cursor: string }[] = [];
  for (const [place, list] of values.entries())
    for (const value of list) {
      const cursor = [...usable];
      cursor[place] = value;
      made.push({ name: `${prefix} place ${place} = ${value.slice(0, 40)}`, cursor: searchCursor(prefix, ...cursor) });
    }
  made.push(
    { name: `${prefix} too few`, cursor: searchCursor(prefix, ...usable.slice(1)) },
    { name: `${prefix} too many`, cursor: searchCursor(prefix, ...usable, "1") },
    { name: `${prefix} not JSON`, cursor: b64(`${prefix}[1,`) },
    { name: `${prefix} an object`, cursor: b64(`${prefix}{"id":1}`) },
    { name: `${prefix} deep`, cursor: b64(`${prefix}${"[".repeat(5000)}${"]".repeat(5000)}`) },
  );
  return made;
}

const names = ["null", "1", '"a\\u0000b"', '"\\ud800"', JSON.stringify("é".repeat(1353)), JSON.stringify("a".repeat(50_000)), "[]"];
const rowIds = ["null", "1", '""', JSON.stringify("a".repeat(201)), '"a\\u0000b"', '["nested"]'];
const runIds = ["0", "-1", "1.5", "2147483648", "1e308", "9007199254740993", '"1"', "null", "[]"];
const browsed = [
  { field: "songs", made: hostileListCursors("Songs:", ['"Sun"', '"song-1"'], [names, rowIds]) },
  { field: "artists", made: hostileListCursors("Artists:", ['"Sun"', '"artist-1"'], [names, rowIds]) },
  { field: "ingestRuns", made: hostileListCursors("IngestRuns:", ["1"], [runIds]) },
];
const everyListCursor = () => [
  ...browsed.flatMap(({ made }) => made),
  { name: "a workouts cursor", cursor: cursor(realId, "difficultyRatingAvg", "7.5") },
  { name: "a search cursor", cursor: searchCursor("SongSearch:", "1764000000000", "9", "3", '"Gold"', '"song-1"') },
  { name: "an offset cursor", cursor: b64("OffsetConnection:3") },
  { name: "a huge offset cursor", cursor: b64(`OffsetConnection:${"9".repeat(400)}`) },
  { name: "not base64", cursor: "%%%" },
];

describe("hostile cursors of the lists without a search", () => {
  it.each(browsed)("each answers a page of $field or BAD_USER_INPUT, in both directions", async ({ field }) => {
    const unexpected: string[] = [];
    for (const { name, cursor } of everyListCursor())
      for (const page of ["first: 3, after: $c", "last: 3, before: $c"]) {
        const { data, errors } = await send(`query ($c: String) { ${field}(${page}) { totalCount edges { cursor } } }`, { c: cursor });
        const answered = errors === undefined && data != null;
        const refused = errors?.every((error) => error.extensions?.code === "BAD_USER_INPUT") ?? false;
        if (!answered && !refused) unexpected.push(`${name} ${page}: ${JSON.stringify(errors)}`);
      }
    expect(unexpected).toEqual([]);
  });

  it.each(browsed)("refuses what $field does not give out as an invalid cursor, before the database sees it", async ({ field, made }) => {
    const accepted: string[] = [];
    const others = everyListCursor().filter((hostile) => !made.includes(hostile) && !hostile.name.includes("offset cursor"));
    for (const { name, cursor } of [...made, ...others]) {
      const { errors } = await send(`query ($c: String) { ${field}(first: 3, after: $c) { edges { cursor } } }`, { c: cursor });
      const [error, ...more] = errors ?? [];
      const refused = more.length === 0 && error?.message === "after: invalid cursor" && error.extensions?.code === "BAD_USER_INPUT";
      if (!refused) accepted.push(`${name}: ${JSON.stringify(errors)}`);
    }
    expect(accepted).toEqual([]);
  });

  it("still pages with the cursors the lists give out, at the edges of what they may hold", async () => {
    for (const [field, c] of [
      ["songs", searchCursor("Songs:", JSON.stringify("é".repeat(1352)), JSON.stringify("a".repeat(200)))],
      ["songs", searchCursor("Songs:", '""', '"a"')],
      ["artists", searchCursor("Artists:", '"\\ud83c\\udfb5 ü"', '"artist-1"')],
      ["ingestRuns", searchCursor("IngestRuns:", "2147483647")],
      ["ingestRuns", searchCursor("IngestRuns:", "1")],
    ] as const) {
      for (const page of ["first: 3, after: $c", "last: 3, before: $c"]) {
        const { data, errors } = await send(`query ($c: String) { ${field}(${page}) { edges { cursor } } }`, { c });
        expect(errors).toBeUndefined();
        expect(data).toBeDefined();
      }
    }
  });
});
