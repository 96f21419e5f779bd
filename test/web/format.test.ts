import { createApi } from "../../src/server";
import { hasWords, searchable } from "../../web/src/format";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

// The web app asks for a search or a whole-word filter only with words the API takes: each text it
// would send, sent, is answered without an error. It holds back a search only when the API would
// refuse it, and a filter when its words hold fewer than two letters or digits.

let db: TestDatabases;
let api: ReturnType<typeof createApi>;
beforeAll(async () => {
  db = await openTestDatabases();
  api = createApi(db);
});
afterAll(() => db.dispose());

const texts = [
  "a",
  "ab",
  " a ",
  "a b",
  "!!",
  "a!",
  "- / -",
  "AC/DC",
  "é",
  "é ",
  "ée",
  "e\u0301",
  "e\u0301e\u0301",
  "ﬁ",
  "宇多",
  "宇",
  "12",
  "1 2",
  "🎵🎵",
  "™™",
  "«»",
  "a\u00a0",
  "½",
  "Ⅻ",
  "ǅ",
  "..a..b..",
  "x".repeat(200),
  "x".repeat(201),
  `${"é".normalize("NFD").repeat(150)}`,
  `${"ﬁ".repeat(150)}`,
];

describe("the words the web app sends", () => {
  it("are taken by the title, artist and song filters whenever hasWords says they hold words", async () => {
    const sent = texts.filter(hasWords);
    expect(sent.length).toBeGreaterThan(8);
    for (const text of sent) {
      const { errors } = await execute(
        api,
        "query ($text: String!) { workouts(first: 1, filter: { title: $text, artist: $text, song: $text }) { totalCount } }",
        {
          text,
        },
      );
      expect({ text, errors }).toEqual({ text, errors: undefined });
    }
  });

  it("are taken by search exactly when searchable says so", async () => {
    for (const text of texts) {
      const { errors } = await execute(api, "query ($text: String!) { songs(search: $text, first: 1) { totalCount } }", { text });
      expect({ text, taken: errors === undefined }).toEqual({ text, taken: searchable(text) });
    }
  });
});
