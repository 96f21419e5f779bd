import { ingestFromSimulator } from "../../harness/simulator";
import { maxSearchLength } from "../../src/schema/search";
import { createApi } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

// Deliberately hostile texts in every argument that is folded and matched: plain strings, which codegen does not type.

let sim: Simulator;
let db: TestDatabases;
let api: ReturnType<typeof createApi>;

beforeAll(async () => {
  [sim, db] = await Promise.all([startSimulator({ classes: 10, disciplines: ["cycling"] }), openTestDatabases()]);
  await ingestFromSimulator(db, sim);
  api = createApi(db);
});
afterAll(() => Promise.all([sim.close(), db.dispose()]));

const searches = [
  { field: "songs", argumentName: "search", query: "query ($text: String) { songs(first: 5, search: $text) { totalCount } }" },
  { field: "artists", argumentName: "search", query: "query ($text: String) { artists(first: 5, search: $text) { totalCount } }" },
  { field: "workouts", argumentName: "filter.artist", query: "query ($text: String) { workouts(first: 5, filter: { artist: $text }) { totalCount } }" },
  { field: "workouts", argumentName: "filter.song", query: "query ($text: String) { workouts(first: 5, filter: { song: $text }) { totalCount } }" },
];

const refusal = (argumentName: string, message: string) => [
  expect.objectContaining({ message: `${argumentName} must be ${message}`, extensions: { code: "BAD_USER_INPUT", argumentName } }),
];

describe("search text", () => {
  it.each(searches)("refuses a megabyte of a wide character in $field($argumentName)", async ({ argumentName, query }) => {
    // U+FDFA folds to 18 characters: a megabyte of it is what held the event loop
    for (const text of ["\uFDFA".repeat(330_000), "é".repeat(450_000), `ab${" ".repeat(400_000)}`]) {
      const { data, errors } = await execute(api, query, { text });
      expect(data).toBeNull();
      expect(errors).toEqual(refusal(argumentName, `at most ${maxSearchLength} characters`));
    }
  });

  it.each(searches)("measures $field($argumentName) as sent, before folding it", async ({ argumentName, query }) => {
    // a letter with a thousand accents folds to one letter: measured after folding, it was "too short"
    const { errors } = await execute(api, query, { text: `a${"\u0301".repeat(1_000)}` });
    expect(errors).toEqual(refusal(argumentName, `at most ${maxSearchLength} characters`));
  });

  it.each(searches)("takes $field($argumentName) up to the limit, counted in characters rather than UTF-16 units", async ({ argumentName, query }) => {
    for (const text of ["a".repeat(maxSearchLength), "\u{1F3B5}".repeat(maxSearchLength), `  ${"é".repeat(maxSearchLength)}  `]) {
      const { errors } = await execute(api, query, { text });
      expect(errors).toBeUndefined();
    }
    const { errors } = await execute(api, query, { text: "a".repeat(maxSearchLength + 1) });
    expect(errors).toEqual(refusal(argumentName, `at most ${maxSearchLength} characters`));
  });

  it("refuses a short text that folding makes too long, saying why", async () => {
    const { errors } = await execute(api, searches[0]!.query, { text: "\uFDFA".repeat(20) });
    expect(errors).toEqual(refusal("search", `at most ${maxSearchLength} characters (a ligature such as ﬁ counts as the letters it stands for)`));
  });
});
