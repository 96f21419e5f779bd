import { createLogger } from "../src/log";
import { createApi, maxBodyBytes } from "../src/server";
import { openTestDatabases, type TestDatabases } from "./support/databases";

// Requests of nearly a megabyte that the API refuses, each carrying its bulk where an error message
// would echo it: together they may add only a few kilobytes to the log, at its most detailed level.

let db: TestDatabases;
beforeAll(async () => {
  db = await openTestDatabases();
});
afterAll(() => db.dispose());

const nearlyAll = maxBodyBytes - 1_000;
const wide = "é".repeat(nearlyAll / 2 - 200); // two bytes each in UTF-8
const ascii = "a".repeat(nearlyAll - 200);
const withNul = `a\u0000${"b".repeat(nearlyAll - 300)}`;

const requests: { name: string; body: { query: string; variables?: Record<string, unknown> } }[] = [
  { name: "a class id with a NUL", body: { query: "query ($id: ID!) { workout(id: $id) { id } }", variables: { id: withNul } } },
  {
    name: "a discipline with a NUL",
    body: { query: "query ($d: String) { workouts(first: 1, filter: { discipline: $d }) { totalCount } }", variables: { d: withNul } },
  },
  { name: "a song id with a NUL", body: { query: "query ($id: ID!) { song(id: $id) { id } }", variables: { id: withNul } } },
  { name: "a search of wide characters", body: { query: "query ($s: String) { songs(first: 1, search: $s) { totalCount } }", variables: { s: wide } } },
  { name: "an artist filter", body: { query: "query ($a: String) { workouts(first: 1, filter: { artist: $a }) { totalCount } }", variables: { a: ascii } } },
  { name: "a number that is text", body: { query: "query ($n: Int) { songs(first: $n) { totalCount } }", variables: { n: ascii } } },
  { name: "a cursor", body: { query: "query ($c: String) { workouts(first: 1, after: $c) { totalCount } }", variables: { c: ascii } } },
  { name: "a field that does not exist", body: { query: `{ ${ascii} }` } },
  { name: "a syntax error", body: { query: `{ songs(first: 1) { ${"(".repeat(10)}${ascii} } }` } },
];

it("logs a few kilobytes at most for megabyte requests it refuses", async () => {
  const lines: string[] = [];
  const api = createApi(db, { logger: createLogger("trace", { write: (line: string) => void lines.push(line) }) });
  for (const { name, body } of requests) {
    const text = JSON.stringify(body);
    expect({ name, size: Buffer.byteLength(text) > maxBodyBytes / 2 && Buffer.byteLength(text) <= maxBodyBytes }).toEqual({ name, size: true });
    const response = await api.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) },
      body: text,
    });
    const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect({ name, refused: (answer.errors?.length ?? 0) > 0 }).toEqual({ name, refused: true });
  }
  const logged = lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0);
  expect(logged).toBeLessThan(requests.length * 8_000);
  for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThan(8_000);
});
