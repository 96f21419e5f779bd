import { createHash } from "node:crypto";
import { foldForSearch, songSearchColumns } from "../../src/db/search";
import { createApi } from "../../src/server";
import { graphql } from "../graphql";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { execute } from "../support/graphql";

let db: TestDatabases;
// deterministic made-up words with varied trigrams, as real titles and names have
const word = (n: number) => createHash("md5").update(String(n)).digest("hex").slice(0, 10);

beforeAll(async () => {
  db = await openTestDatabases();
  // rows as wide as real ones (32-hex ids, long image URLs), so that the planner costs them realistically
  const songs = Array.from({ length: 20_000 }, (_, i) => {
    const title = i % 5000 === 0 ? "Paper Lanterns" : `${word(i * 7)} ${word(i * 13 + 5)}`;
    const artistNames = i % 5000 === 0 ? "Beyoncé, The Midnight Relay" : `${word(i * 11 + 3)} ${word(i)}`;
    const imageUrl = `https://images.music.onepeloton.com/rr/albumimages/catalog/${String(i).padStart(36, "0")}/product/${String(i).padStart(36, "0")}/big_${String(i).padStart(32, "0")}.jpg`;
    return {
      id: `s${i}`,
      title,
      artistNames,
      imageUrl,
      ...songSearchColumns(title, artistNames),
    };
  });
  await db.detailed.song.createMany({ data: songs });
  await db.detailed.$executeRawUnsafe("ANALYZE songs");
});
afterAll(() => db.dispose());

const plan = async (where: string) => {
  const rows = await db.detailed.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT id FROM songs WHERE ${where}`);
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
};

describe("song search", () => {
  it("by artist uses the trigram index on the folded artist names", async () => {
    expect(await plan(`artist_names_search ILIKE '%midnight rel%'`)).toMatch(/Bitmap Index Scan on songs_artist_names_trgm_idx/);
  });

  it("by title uses the trigram index on the folded title", async () => {
    expect(await plan(`title_search ILIKE '%paper lan%'`)).toMatch(/Bitmap Index Scan on songs_title_trgm_idx/);
  });

  it("matches whatever the case and accents of the query", async () => {
    for (const query of ["BEYONCE", "beyoncé", "Beyonce"]) {
      const found = await db.detailed.song.findMany({
        where: { artistNamesSearch: { contains: foldForSearch(query) } },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      expect(found.map((song) => song.id)).toEqual(["s0", "s10000", "s15000", "s5000"]);
    }
  });
});

describe("every song, without a search", () => {
  it("reads the songs in title order from the (title, id) index, not by sorting the table", async () => {
    const rows = await db.detailed.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT id FROM songs ORDER BY title, id LIMIT 21 OFFSET 40`);
    expect(rows.map((row) => row["QUERY PLAN"]).join("\n")).toMatch(/Index (Only )?Scan using songs_title_id_idx/);
  });
});

describe("the order of search results", () => {
  // [id, title, credits], in the order they should rank for "QUOXL"
  const ranked = [
    ["r1", "Quoxl", "Nobody"], // the whole title (5 characters)
    ["r2", "Someone Else", "Quoxl"], // the whole credits (5 characters: a tie with r1, broken by id)
    ["r3", "Quoxl Party", "Nobody"], // the start of the title (11)
    ["r4", "Quoxlandia Forever", "Nobody"], // the start of the title (18)
    ["r5", "Dark Quoxl", "Nobody"], // a word's start (10)
    ["r6", "Nobody", "The Quoxl Singers"], // a word's start in the credits (17)
    ["r7", "Aquoxlia", "Nobody"], // anywhere
  ] as const;

  beforeAll(async () => {
    const data = [...ranked].reverse().map(([id, title, artistNames]) => ({
      id,
      title,
      artistNames,
      ...songSearchColumns(title, artistNames),
    }));
    await db.detailed.song.createMany({ data });
  });
  afterAll(() => db.detailed.song.deleteMany({ where: { id: { in: ranked.map(([id]) => id) } } }));

  it("puts the whole text first, then its start, then a word's start, then anywhere; shorter texts first", async () => {
    const { data, errors } = await execute(
      createApi(db),
      graphql(`query SearchRanking { songs(search: "QUOXL", first: 10) { totalCount edges { node { id: pelotonId } } } }`),
    );
    expect(errors).toBeUndefined();
    expect(data!.songs.totalCount).toBe(ranked.length);
    expect(data!.songs.edges.map((edge) => edge.node.id)).toEqual(ranked.map(([id]) => id));
  });
});
