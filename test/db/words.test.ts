import { readFileSync } from "node:fs";
import path from "node:path";
import { foldForSearch, IGNORED_PUNCTUATION, wordsForSearch, wordsOf, wordsSql } from "../../src/db/search";
import { openTestDatabases, type TestDatabases } from "../support/databases";

// the whole-word columns are written by ingestion (wordsForSearch), by the migration that added them
// (existing rows) and by the benchmark's seed (wordsSql): the three must agree on every text
const migration = readFileSync(
  path.join(__dirname, "../../prisma/detailed/migrations/20261130090000_whole_word_columns_and_class_types/migration.sql"),
  "utf8",
);

const texts = [
  "AC/DC",
  "ACDC",
  "Guns N' Roses",
  "Earth, Wind & Fire",
  "  Beyoncé,\tJAY-Z  ",
  "Sigur Rós — Hoppípolla…",
  "“Quoted” ‘words’ «guillemets» ¿qué? ¡sí!",
  "Мумий Тролль",
  "宇多田ヒカル",
  "P!nk feat. will.i.am",
  "",
  "   ",
  "a\u00a0b\u2003c\u3000d",
  "line\nbreak\r\nand\fform\vfeed",
  `every ${IGNORED_PUNCTUATION} mark`,
  "K-pop™ ÆØÅ ﬁ ½",
];

let db: TestDatabases;
beforeAll(async () => {
  db = await openTestDatabases();
});
afterAll(() => db.dispose());

describe("whole-word folding", () => {
  it("makes AC/DC and ACDC one word, keeps words apart, and pads with single spaces", () => {
    expect(wordsForSearch("AC/DC")).toBe(" acdc ");
    expect(wordsForSearch("ACDC")).toBe(" acdc ");
    expect(wordsForSearch("  Beyoncé,\tJAY-Z  ")).toBe(" beyonce jayz ");
    expect(wordsForSearch("Bryan Adams")).not.toContain(` ${wordsForSearch("ryan adams").trim()} `);
    expect(wordsForSearch("")).toBe("  ");
  });

  it("is the same in SQL (wordsSql) as in TypeScript, for every ignored mark, whitespace and script", async () => {
    for (const text of texts) {
      const [row] = await db.detailed.$queryRawUnsafe<{ words: string }[]>(`SELECT ${wordsSql("$1::text")} AS words`, foldForSearch(text));
      expect({ text, words: row!.words }).toEqual({ text, words: wordsOf(foldForSearch(text)) });
    }
  });

  it("is what the migration filled existing rows with", () => {
    expect(migration).toContain(wordsSql('"title_search"'));
    expect(migration).toContain(wordsSql('"name_search"'));
  });
});
