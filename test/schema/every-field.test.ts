import type { GraphQLObjectType } from "graphql";
import { ingestFromSimulator, removeDir, simulatorConfig, testClient } from "../../harness/simulator";
import { type BackgroundRuns, backgroundRuns } from "../../src/ingest/background";
import { claimRun, executeRun } from "../../src/ingest/runs";
import { silentLogger } from "../../src/log";
import { PelotonRequestError } from "../../src/peloton/errors";
import { schema } from "../../src/schema";
import { createApi } from "../../src/server";
import { type Simulator, startSimulator } from "../../src/simulator";
import { openTestDatabases, type TestDatabases } from "../support/databases";
import { everyFieldOperations, type GeneratedOperation, reachableFields, type Seeds, seedsOf } from "../support/field-selections";
import { execute } from "../support/graphql";

// Every field of the schema selected alone, under every way of reaching it (test/support/field-selections.ts),
// over one seeded catalogue, anonymously (and with the admin token where a field answers the admin otherwise):
// none may answer an error, and each must reach its leaf. The queries select nothing else at any level, the
// selections a resolver planning its database query forgets (a playlist asked only for its positions made
// Prisma refuse an empty selection of songs).

/** How many object types deep the operations go below the root (a connection and its edges do not count). */
const LEVELS = 3;
const token = "test-admin-token-0123456789";

let sim: Simulator;
let db: TestDatabases;
let api: ReturnType<typeof createApi>;
let runs: BackgroundRuns;
let dataDir: string;
let seeds: Seeds;

beforeAll(async () => {
  [sim, db] = await Promise.all([startSimulator({ classes: 30, disciplines: ["cycling"] }), openTestDatabases()]);
  await ingestFromSimulator(db, sim);
  // runs as their bookkeeping records them: one that succeeded, one that failed with a detail only the admin reads
  const deps = { workouts: db.workouts, logger: silentLogger };
  await executeRun(deps, await claimRun(deps, "SYNC_WORKOUTS", {}), async () => {});
  const failed = await executeRun(deps, await claimRun(deps, "PROCESS_DETAILS", {}), async () => {
    throw new PelotonRequestError("Peloton kept failing", 503);
  });
  seeds = await seedsOf(db, String(failed.id));
  // the mutations are not sent (they start runs): the admin's runs are only what makes the token the admin's
  const client = await testClient(simulatorConfig(sim));
  dataDir = client.dataDir;
  runs = backgroundRuns({ workouts: db.workouts, detailed: db.detailed, peloton: client.client, logger: silentLogger });
  api = createApi(db, { admin: { token, runs } });
});
afterAll(async () => {
  await runs?.stop();
  await Promise.all([sim?.close(), db?.dispose(), dataDir && removeDir(dataDir)]);
});

/** What is wrong with one operation's answer: its errors, or a leaf it did not reach or answered null though non-null. */
async function problemsOf(operation: GeneratedOperation, headers: Record<string, string>): Promise<string[]> {
  const { data, errors } = await execute(api, operation.query, {}, { headers });
  if (errors) return errors.map((error) => `${error.extensions?.code ?? "no code"}: ${error.message}`);
  const leaves = valuesAt(data, operation.path);
  if (leaves.length === 0) return [`no ${operation.path.join(".")} in the answer: the seeds should reach every field`];
  if (operation.nonNull && leaves.some((leaf) => leaf == null)) return [`${operation.path.join(".")} is null, though non-null`];
  return [];
}

/** The values at the end of `path` in an answer, lists flattened. */
function valuesAt(data: unknown, path: string[]): unknown[] {
  let values: unknown[] = [data];
  for (const key of path) {
    values = values
      .flatMap((value) => (value == null ? [] : [(value as Record<string, unknown>)[key]]))
      .flatMap((value) => (Array.isArray(value) ? value : [value]));
  }
  return values;
}

describe("every field selected alone", () => {
  it("is generated for every field the query root reaches, and every list that takes `last` is paged from the end", () => {
    const operations = everyFieldOperations(schema, seeds, LEVELS);
    const covered = new Set(operations.flatMap((operation) => operation.fields));
    const fromTheEnd = new Set(operations.map((operation) => operation.fromTheEnd));
    const fields = reachableFields(schema);
    expect(fields.filter((field) => !covered.has(field))).toEqual([]);
    const takingLast = fields.filter((field) => {
      const [type, name] = field.split(".");
      return (schema.getType(type!) as GraphQLObjectType).getFields()[name!]!.args.some((arg) => arg.name === "last");
    });
    expect(takingLast.length).toBeGreaterThan(0);
    expect(takingLast.filter((field) => !fromTheEnd.has(field))).toEqual([]);
  });

  it("answers without an error, anonymously and, where a field answers the admin otherwise, with the admin token", async () => {
    const operations = everyFieldOperations(schema, seeds, LEVELS);
    const requests = [
      ...operations.map((operation) => ({ operation, caller: "anonymous", headers: {} })),
      ...operations.filter((operation) => operation.scoped).map((operation) => ({ operation, caller: "admin", headers: { authorization: `Bearer ${token}` } })),
    ];
    expect(requests.length).toBeGreaterThan(operations.length); // IngestRun.error is the admin's
    const failed: string[] = [];
    // one at a time: each answer is about its own selection alone
    for (const { operation, caller, headers } of requests) {
      const problems = await problemsOf(operation, headers);
      if (problems.length > 0) failed.push(`${caller}: ${operation.query}\n    ${problems.join("\n    ")}`);
    }
    expect(`${failed.length} of ${requests.length} failed${failed.map((line) => `\n  ${line}`).join("")}`).toBe(`0 of ${requests.length} failed`);
  });
});
