import { type Databases, openDatabases } from "../src/db";
import { queryLimits } from "../src/query-limits";
import { schema } from "../src/schema";
import { createApi } from "../src/server";
import { type Catalogue, ingestCatalogue } from "./support";
import { costliestArguments, type WorstCaseOperation, worstCaseOperations } from "./worst-case-operations";

// The most expensive operations the limits allow, generated from the schema (worst-case-operations.ts),
// each either refused before it runs or answered with a number of SQL statements that does not grow
// with its page sizes or its aliases' pages: no lookup runs once per parent beyond what the cost model
// prices. Speed is measured by bench/worst-case.ts, not here.

let catalogue: Catalogue;
let databases: Databases;
let api: ReturnType<typeof createApi>;
let statements = 0;
let operations: WorstCaseOperation[];

beforeAll(async () => {
  catalogue = await ingestCatalogue(200);
  databases = await openDatabases(catalogue.config, { onQuery: () => void statements++ });
  api = createApi(databases, { production: true, requestTimeoutMs: 120_000 });
  operations = worstCaseOperations(schema, await costliestArguments(databases));
});
afterAll(async () => {
  await databases?.close();
  await catalogue?.remove();
});

/**
 * What an operation may run: two statements for each field it writes (a page and its count; a batch
 * for every parent of a field and the rows it found). A lookup run once per parent, under a page of
 * 100 and 15 aliases, runs hundreds more.
 */
const statementBound = (operation: WorstCaseOperation) => 2 * operation.fields;

interface Outcome {
  name: string;
  status: number;
  refusedBy?: string;
  errors?: string[];
  statements: number;
  bound: number;
}

async function run(operation: WorstCaseOperation): Promise<Outcome> {
  statements = 0;
  const response = await api.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query: operation.query }),
  });
  const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  const outcome: Outcome = { name: operation.name, status: response.status, statements, bound: statementBound(operation) };
  if (response.status === 400) return { ...outcome, refusedBy: body.errors?.[0]?.extensions?.code };
  return body.errors ? { ...outcome, errors: body.errors.map((error) => error.message) } : outcome;
}

describe("the most expensive operations the limits allow", () => {
  it("are generated for every path of the schema, up to the limits", () => {
    expect(operations.length).toBeGreaterThan(100);
    const names = operations.map((operation) => operation.name);
    for (const field of ["topArtists", "workouts", "songs", "artists", "playlist", "instructor", "catalogueStatus", "ingestRuns"]) {
      expect({ field, generated: names.some((name) => name.includes(field)) }).toEqual({ field, generated: true });
    }
    // the per-parent counts are selected at the end of each path
    for (const field of ["playCount", "totalCount", "plays"]) {
      expect({ field, generated: operations.some((operation) => operation.query.includes(field)) }).toEqual({ field, generated: true });
    }
    expect(operations.every((operation) => operation.complexity <= queryLimits.complexity)).toBe(true);
    // some fill the limit: the largest pages and most aliases it allows
    expect(operations.filter((operation) => operation.complexity > queryLimits.complexity * 0.9).length).toBeGreaterThan(50);
  });

  it("each is refused before it runs, or answered in a bounded number of statements", async () => {
    const problems: Outcome[] = [];
    let answered = 0;
    for (const operation of operations) {
      const outcome = await run(operation);
      if (outcome.refusedBy) {
        // refused by the limits before any statement ran
        if (outcome.statements > 0 || !/^QUERY_|GRAPHQL_VALIDATION_FAILED/.test(outcome.refusedBy)) problems.push(outcome);
      } else if (outcome.status !== 200 || outcome.errors || outcome.statements > outcome.bound) {
        problems.push(outcome);
      } else {
        answered++;
      }
    }
    expect(problems).toEqual([]);
    // the limits let most of them through: they are what a client may really send
    expect(answered).toBeGreaterThan(operations.length / 2);
  });

  it("the issue's operation (15 aliases of every instructor's top artist) is refused, or costs a few statements", async () => {
    const query = `{ ${Array.from({ length: queryLimits.aliases }, (_, i) => `a${i}: instructors(first: 100) { edges { node { topArtists(limit: 1) { plays } } } }`).join(" ")} }`;
    const outcome = await run({ name: "issue", query, fields: 5 * queryLimits.aliases, complexity: 0 });
    if (outcome.refusedBy) expect(outcome).toMatchObject({ status: 400, refusedBy: "QUERY_COMPLEXITY", statements: 0 });
    else expect(outcome.statements).toBeLessThanOrEqual(queryLimits.aliases + 2);
  });
});
