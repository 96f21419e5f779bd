import { ingestFromSimulator } from "../harness/simulator";
import { claimRun, executeRun } from "../src/ingest/runs";
import { silentLogger } from "../src/log";
import { memoryStore } from "../src/response-cache";
import { schema } from "../src/schema";
import { createApi } from "../src/server";
import { type Simulator, startSimulator } from "../src/simulator";
import { openTestDatabases, type TestDatabases } from "./support/databases";
import { everyFieldOperations, type Seeds, seedsOf } from "./support/field-selections";

// Every field of the schema selected alone (test/support/field-selections.ts), each asked twice of an API
// with the response cache and twice of one without: the four answers must be the same bytes, whether the
// cache stores the answer (a query of the catalogue), or must not (run fields, errors, refusals).

let sim: Simulator;
let db: TestDatabases;
let seeds: Seeds;

beforeAll(async () => {
  [sim, db] = await Promise.all([startSimulator({ classes: 30, disciplines: ["cycling"] }), openTestDatabases()]);
  await ingestFromSimulator(db, sim);
  const deps = { workouts: db.workouts, logger: silentLogger };
  const run = await executeRun(deps, await claimRun(deps, "SYNC_WORKOUTS", {}), async () => {});
  seeds = await seedsOf(db, String(run.id));
});
afterAll(() => Promise.all([sim?.close(), db?.dispose()]));

async function answer(api: ReturnType<typeof createApi>, query: string): Promise<string> {
  const response = await api.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return `${response.status} ${await response.text()}`;
}

/**
 * An answer with the time in its search cursors left out: a search's cursor carries when its first page
 * was read (src/schema/search.ts), so two executions a millisecond apart differ there, while a stored
 * answer keeps its first time (the same plays, at the same catalogue version).
 */
const withoutSearchTime = (text: string) =>
  text.replace(/"([A-Za-z0-9+/=]{16,})"/g, (quoted, cursor: string) => {
    const decoded = Buffer.from(cursor, "base64").toString();
    return /^(Song|Artist)Search:\[\d+,/.test(decoded) ? JSON.stringify(decoded.replace(/\[\d+,/, "[time,")) : quoted;
  });

describe("every field selected alone", () => {
  it("answers the same bytes with the response cache and without, twice each", async () => {
    const operations = everyFieldOperations(schema, seeds, 2);
    expect(operations.length).toBeGreaterThan(50);
    const cached = createApi(db, { responseCache: memoryStore(16 * 1024 * 1024) });
    const uncached = createApi(db);
    const differing: string[] = [];
    try {
      for (const { query } of operations) {
        const answers = [await answer(uncached, query), await answer(cached, query), await answer(cached, query), await answer(uncached, query)];
        if (answers[1] !== answers[2] || new Set(answers.map(withoutSearchTime)).size > 1) differing.push(`${query}\n    ${answers.join("\n    ")}`);
      }
      // and the cache did serve them: classes retitled without an ingestion commit still show their old titles
      await db.detailed.$executeRaw`UPDATE detailed_workouts SET title = 'Retitled'`;
      const titles = operations.filter((operation) => operation.fields.includes("Workout.title")).map((operation) => operation.query);
      expect(titles.length).toBeGreaterThan(5);
      for (const query of titles) {
        expect([query, (await answer(uncached, query)).includes("Retitled")]).toEqual([query, true]);
        expect([query, (await answer(cached, query)).includes("Retitled")]).toEqual([query, false]);
      }
    } finally {
      await Promise.all([cached.dispose(), uncached.dispose()]);
    }
    expect(`${differing.length} of ${operations.length} differ${differing.map((line) => `\n  ${line}`).join("")}`).toBe(`0 of ${operations.length} differ`);
  });
});
