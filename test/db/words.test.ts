import { readFileSync } from "node:fs";
import path from "node:path";
import { migrationsDir } from "../../src/db";
import { applyMigrations, readMigrations } from "../../src/db/migrate";
import { foldForSearch, foldSql, IGNORED_PUNCTUATION, wordsForSearch, wordsOf, wordsSql } from "../../src/db/search";
import { silentLogger } from "../../src/log";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { openEmptyDatabase } from "../support/empty-database";

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
  "Día de los Muertos Ride",
  "ÉCOLE Ωμέγα Ärger Ĳssel Ǆ",
  "ダンス Après-Ski",
  "❤️ Love Songs Ride",
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

  it("folds in SQL (foldSql) as in TypeScript, for the scripts whose marks it removes", async () => {
    for (const text of texts) {
      const [row] = await db.detailed.$queryRawUnsafe<{ words: string }[]>(`SELECT ${wordsSql(foldSql("$1::text"))} AS words`, text);
      expect({ text, words: row!.words }).toEqual({ text, words: wordsForSearch(text) });
    }
  });

  it("folds in SQL unlike TypeScript only where lower() does: a Greek final sigma", async () => {
    const [row] = await db.detailed.$queryRawUnsafe<{ words: string }[]>(`SELECT ${wordsSql(foldSql("$1::text"))} AS words`, "ΟΔΥΣΣΕΥΣ Ride");
    expect(wordsForSearch("ΟΔΥΣΣΕΥΣ Ride")).toBe(" οδυσσευς ride ");
    expect(row!.words).toBe(" οδυσσευσ ride ");
  });

  it("fills the title words of the classes stored before the column existed, as ingestion writes them", async () => {
    const empty = await openEmptyDatabase();
    try {
      const migrations = await readMigrations(migrationsDir("detailed"));
      const added = migrations.findIndex((m) => m.name.endsWith("_class_title_words"));
      expect(added).toBeGreaterThan(0);
      const options = { database: "detailed", logger: silentLogger };
      await applyMigrations(empty.session, migrations.slice(0, added), options);
      for (const [i, text] of texts.entries()) {
        await empty.session.query(`INSERT INTO detailed_workouts (id, title, full_details, updated_at) VALUES ($1, $2, '{}', now())`, [`class-${i}`, text]);
      }
      await applyMigrations(empty.session, migrations, options);
      const rows = await empty.session.query<{ id: string; title_words: string }>("SELECT id, title_words FROM detailed_workouts ORDER BY id");
      expect(rows).toHaveLength(texts.length);
      for (const [i, text] of texts.entries()) {
        expect({ text, words: rows.find((row) => row.id === `class-${i}`)!.title_words }).toEqual({ text, words: wordsForSearch(text) });
      }
    } finally {
      await empty.close();
    }
  });

  it("is what the migration filled existing rows with", () => {
    expect(migration).toContain(wordsSql('"title_search"'));
    expect(migration).toContain(wordsSql('"name_search"'));
  });
});
