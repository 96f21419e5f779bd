import { parse, validate } from "graphql";
import { schema } from "../src/schema";
import { queryLimits } from "../src/server";
import { type Random, seededRandom } from "../src/simulator/random";
import type { CatalogueFacts } from "./support";

/** One request a hostile or broken client might send, as raw HTTP pieces. */
export interface HostileRequest {
  name: string;
  method: string;
  /** appended to the endpoint: a GET's query string */
  search?: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

// what a GraphQL-over-HTTP client sends: under this media type a refused request is a 4xx
const json = { "content-type": "application/json", accept: "application/graphql-response+json" };

const postJson = (name: string, payload: unknown, headers: Record<string, string> = {}): HostileRequest => ({
  name,
  method: "POST",
  headers: { ...json, ...headers },
  body: typeof payload === "string" ? payload : JSON.stringify(payload),
});
const operation = (name: string, query: string, variables?: unknown, extra: Record<string, unknown> = {}) => postJson(name, { query, variables, ...extra });

/**
 * A few hundred malformed, unknown, deep, aliased, huge and wrongly typed operations and variables,
 * and bodies, methods and headers no client should send: the same list for the same seed.
 */
export function hostileRequests(facts: CatalogueFacts, seed: number): HostileRequest[] {
  const random = seededRandom("hostile", seed);
  const classId = facts.classIds[0]!;
  const valid = validOperations(facts);
  return [
    ...malformedSyntax(random, valid),
    ...unknownNames(random),
    ...overDeep(),
    ...aliases(),
    ...huge(random),
    ...wrongTypes(random, classId),
    ...missingVariables(classId),
    ...pageSizes(),
    ...badCursors(random, facts),
    ...badBodies(random),
    ...badTransport(),
    ...nullBytes(classId),
    ...otherRefusals(),
  ];
}

function validOperations(facts: CatalogueFacts): string[] {
  return [
    `query Songs { songs(search: ${JSON.stringify(facts.artistNames[0])}, first: 5) { totalCount edges { node { id: pelotonId title artistNames } } } }`,
    `query Class { workout(id: ${JSON.stringify(facts.classIds[0])}) { id: pelotonId title instructor { name } playlist { position song { title } } } }`,
    `query Instructor { instructor(id: ${JSON.stringify(facts.instructorIds[0])}) { name workouts(first: 5) { totalCount } topArtists(limit: 3) { plays artist { name } } } }`,
    `query Filtered { workouts(first: 10, filter: { discipline: "cycling", minDuration: 600, maxDuration: 2700 }) { totalCount edges { node { id: pelotonId } } } }`,
  ];
}

/** Valid operations cut short, with characters dropped, doubled or swapped for junk. */
function malformedSyntax(random: Random, valid: string[]): HostileRequest[] {
  const junk = ["{", "}", "(", ")", ":", "$", "@", "...", '"', "\\", "#", "!", "[", "]", "=", "\u{1F600}", "\u2028", "\uFEFF", "`", "|", "&"];
  const cases: HostileRequest[] = [];
  for (let i = 0; cases.length < 40; i++) {
    const source = random.pick(valid);
    const at = random.int(1, source.length - 2);
    const kind = random.pick(["truncated", "dropped", "inserted", "replaced"] as const);
    const broken =
      kind === "truncated"
        ? source.slice(0, at)
        : kind === "dropped"
          ? source.slice(0, at) + source.slice(at + random.int(1, 8))
          : kind === "inserted"
            ? source.slice(0, at) + random.pick(junk) + source.slice(at)
            : source.slice(0, at) + random.pick(junk) + source.slice(at + 1);
    // a change may leave a valid operation (junk inside a string, a dropped space): keep those GraphQL refuses
    if (!isValidOperation(broken)) cases.push(operation(`malformed ${i} (${kind} at ${at})`, broken));
  }
  const fixed = [
    "",
    " ",
    "{",
    "}",
    "{}",
    "query",
    "query {",
    "{ songs(first: 1) { edges { node { id } } }",
    '{ songs(search: "unterminated) { totalCount } }',
    "{ catalogueStatus { songs } } }",
    "mutation",
    "subscription { songs }",
    "fragment F on Song { id }",
    "{ ... }",
    "{ songs(first: 1 ( ) { totalCount } }",
    "# only a comment",
    '"""block string"""',
    "{ a: }",
    "{ catalogueStatus { ...on } }",
    "query ($: Int) { catalogueStatus { songs } }",
  ];
  for (const [i, query] of fixed.entries()) cases.push(operation(`malformed fixed ${i}: ${JSON.stringify(query).slice(0, 40)}`, query));
  return cases;
}

/** Fields, arguments, types, directives and fragments the schema does not have. */
function unknownNames(random: Random): HostileRequest[] {
  const name = () => `x${random.hex(6)}`;
  const cases: string[] = [];
  for (let i = 0; i < 8; i++) {
    cases.push(
      `{ ${name()} }`,
      `{ songs(first: 1) { edges { node { ${name()} } } } }`,
      `{ songs(first: 1, ${name()}: 3) { totalCount } }`,
      `query ($v: ${name()}) { catalogueStatus { songs } }`,
    );
  }
  cases.push(
    `{ catalogueStatus @${name()} { songs } }`,
    `{ ...F } fragment F on ${name()} { id }`,
    `{ ...Missing }`,
    `{ catalogueStatus { songs { deeper } } }`,
    `{ catalogueStatus }`,
    `{ workouts(first: 1, orderBy: SIDEWAYS) { totalCount } }`,
    `{ workouts(first: 1, filter: { colour: "red" }) { totalCount } }`,
    `{ __type(name: "Song") { fields { name } } }`,
    `{ __schema { types { name } } }`,
    `query A { catalogueStatus { songs } } query A { catalogueStatus { artists } }`,
    `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`,
    `{ catalogueStatus { songs } } fragment Unused on Query { catalogueStatus { songs } }`,
  );
  return cases.map((query, i) => operation(`unknown ${i}: ${query.slice(0, 50)}`, query));
}

/** Deeper than the depth limit, by nesting selections, fragments, lists and input objects. */
function overDeep(): HostileRequest[] {
  const nested = (levels: number) => {
    let selection = "id";
    for (let i = 0; i < levels; i++) selection = `workouts(first: 1) { edges { node { playlist { song { ${selection} } } } } }`;
    return `{ songs(first: 1) { edges { node { ${selection} } } } }`;
  };
  const cases: [string, string][] = [2, 3, 5, 10, 40].map((levels) => [`nested ${levels}`, nested(levels)]);
  const fragments = Array.from(
    { length: 20 },
    (_, i) => `fragment F${i} on Song { workouts(first: 1) { edges { node { playlist { song { ...F${i + 1} } } } } } }`,
  );
  cases.push(["deep fragments", `{ songs(first: 1) { edges { node { ...F0 } } } } ${fragments.join(" ")} fragment F20 on Song { id: pelotonId }`]);
  cases.push(["braces 1000", `${"{ a ".repeat(1000)}${"}".repeat(1000)}`]);
  cases.push(["braces 100000", `${"{".repeat(100_000)}${"}".repeat(100_000)}`]);
  cases.push(["nested list argument 5000", `{ workouts(first: 1, filter: { discipline: ${"[".repeat(5000)}"a"${"]".repeat(5000)} }) { totalCount } }`]);
  cases.push(["nested object argument 5000", `{ workouts(first: 1, filter: ${"{ a: ".repeat(5000)}1${" }".repeat(5000)}) { totalCount } }`]);
  // exponential fragments: each spreads the next twice (a "billion laughs")
  const laughs = Array.from({ length: 30 }, (_, i) => `fragment L${i} on Query { ...L${i + 1} ...L${i + 1} }`);
  cases.push(["fragment fan-out 2^30", `{ ...L0 } ${laughs.join(" ")} fragment L30 on Query { catalogueStatus { songs } }`]);
  return [
    ...cases.map(([name, query]) => operation(`deep ${name}`, query)),
    postJson(
      "deep variables JSON 10000",
      `{"query":"query ($f: WorkoutFilter) { workouts(first: 1, filter: $f) { totalCount } }","variables":{"f":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}}`,
    ),
    postJson("deep variables array 100000", `{"query":"{ catalogueStatus { songs } }","variables":${"[".repeat(100_000)}${"]".repeat(100_000)}}`),
  ];
}

/** More aliases than allowed, and wide selections. */
function aliases(): HostileRequest[] {
  const counts = [queryLimits.aliases + 1, 50, 200, 1000];
  return [
    ...counts.map((n) => operation(`aliases ${n}`, `{ ${Array.from({ length: n }, (_, i) => `a${i}: catalogueStatus { songs }`).join(" ")} }`)),
    ...counts.map((n) =>
      operation(
        `aliased pages ${n}`,
        `{ ${Array.from({ length: n }, (_, i) => `p${i}: workouts(first: 100) { edges { node { id playlist { song { title } } } } }`).join(" ")} }`,
      ),
    ),
    operation("same field 2000 times", `{ catalogueStatus { ${"songs ".repeat(2000)} } }`),
    operation("directives 50", `{ catalogueStatus ${"@include(if: true) ".repeat(50)} { songs } }`),
    operation(
      "aliases in fragments",
      `{ ...F ...G } fragment F on Query { ${Array.from({ length: 10 }, (_, i) => `f${i}: catalogueStatus { songs }`).join(" ")} } fragment G on Query { ${Array.from({ length: 10 }, (_, i) => `g${i}: catalogueStatus { songs }`).join(" ")} }`,
    ),
  ];
}

/** Huge strings, numbers, names, token counts and variables, and bodies over the server's size limit. */
function huge(random: Random): HostileRequest[] {
  const long = (n: number) =>
    random
      .hex(64)
      .repeat(Math.ceil(n / 64))
      .slice(0, n);
  const overLimit = 2_000_000;
  return [
    ...[1_000, 100_000, 900_000].map((n) => operation(`huge search literal ${n}`, `{ songs(search: "${long(n)}", first: 1) { totalCount } }`)),
    ...[1_000, 100_000, 900_000].map((n) =>
      operation(`huge search variable ${n}`, `query ($s: String) { songs(search: $s, first: 1) { totalCount } }`, { s: long(n) }),
    ),
    operation("huge artists search", `query ($s: String) { artists(search: $s, first: 1) { totalCount } }`, { s: long(5_000) }),
    operation("huge filter artist", `query ($f: WorkoutFilter) { workouts(first: 1, filter: $f) { totalCount } }`, { f: { artist: long(100_000) } }),
    operation("huge filter song", `query ($f: WorkoutFilter) { workouts(first: 1, filter: $f) { totalCount } }`, { f: { song: long(300) } }),
    operation("huge field name", `{ ${"f".repeat(100_000)} }`),
    operation("huge number literal", `{ workouts(first: ${"9".repeat(10_000)}) { totalCount } }`),
    operation("huge float", `{ workouts(first: 1e999) { totalCount } }`),
    operation("many tokens", `{ catalogueStatus { ${"songs ".repeat(queryLimits.tokens + 10)} } }`),
    operation("many unused variables", `query (${Array.from({ length: 2000 }, (_, i) => `$v${i}: Int`).join(", ")}) { catalogueStatus { songs } }`),
    operation("long list variable", `query ($f: WorkoutFilter) { workouts(first: 1, filter: $f) { totalCount } }`, {
      f: { discipline: Array.from({ length: 100_000 }, () => "cycling") },
    }),
    operation("body over the limit: search", `{ songs(search: "${long(overLimit)}", first: 1) { totalCount } }`),
    operation("body over the limit: id", `query ($id: ID!) { workout(id: $id) { id: pelotonId } }`, { id: long(overLimit) }),
    operation("body over the limit: variables", `{ catalogueStatus { songs } }`, Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`v${i}`, i]))),
    operation("body over the limit: extensions", `{ catalogueStatus { songs } }`, {}, { extensions: { junk: long(overLimit) } }),
    operation("body over the limit: comments", `{ catalogueStatus { songs } }\n${"# comment\n".repeat(overLimit / 10)}`),
    postJson("body over the limit: 10 MB of spaces", `${" ".repeat(10_000_000)}{"query": "{ catalogueStatus { songs } }"}`),
  ];
}

/** Variables and arguments of the wrong type. */
function wrongTypes(random: Random, classId: string): HostileRequest[] {
  const wrongValues: unknown[] = ["ten", 1.5, true, {}, [], [1], -0.5, 2 ** 31, -(2 ** 31) - 1, 1e300, "1", null];
  const cases: HostileRequest[] = [];
  wrongValues.forEach((value, i) => {
    if (value !== null)
      cases.push(operation(`wrong first ${i}: ${JSON.stringify(value)}`, `query ($n: Int) { workouts(first: $n) { totalCount } }`, { n: value }));
    // an ID may be a string or a whole number: wrap those in a list or an object
    const id = typeof value === "string" ? [classId, value] : typeof value === "number" ? { id: value } : value;
    cases.push(operation(`wrong id ${i}: ${JSON.stringify(id)}`, `query ($id: ID!) { workout(id: $id) { id: pelotonId } }`, { id }));
    if (value !== null)
      cases.push(
        operation(`wrong filter ${i}: ${JSON.stringify(value)}`, `query ($f: WorkoutFilter) { workouts(first: 1, filter: $f) { totalCount } }`, {
          f: typeof value === "object" ? { minDuration: value } : value,
        }),
      );
  });
  const literal: string[] = [
    `{ workouts(first: "ten") { totalCount } }`,
    `{ workouts(first: 1.5) { totalCount } }`,
    `{ workouts(first: 2147483648) { totalCount } }`,
    `{ workouts(first: true) { totalCount } }`,
    `{ workouts(first: null, last: "x") { totalCount } }`,
    `{ workout(id: 42.5) { id: pelotonId } }`,
    `{ workout(id: { a: 1 }) { id: pelotonId } }`,
    `{ workout(id: null) { id: pelotonId } }`,
    `{ workouts(first: 1, filter: { airedAfter: "yesterday" }) { totalCount } }`,
    `{ workouts(first: 1, filter: { airedAfter: "2025-13-45T99:99:99Z" }) { totalCount } }`,
    `{ workouts(first: 1, filter: { minDuration: "long" }) { totalCount } }`,
    `{ workouts(first: 1, filter: { explicit: "yes" }) { totalCount } }`,
    `{ workouts(first: 1, orderBy: "AIRED_DESC") { totalCount } }`,
    `{ songs(search: 123, first: 1) { totalCount } }`,
    `{ songs(search: ["a", "b"], first: 1) { totalCount } }`,
    `{ instructor(id: "x") { topArtists(limit: "all") { plays } } }`,
    `{ catalogueStatus { songs(first: 1) } }`,
    `query ($v: Int = "x") { workouts(first: $v) { totalCount } }`,
    `query ($v: String) { workouts(first: $v) { totalCount } }`,
    `query ($v: [Int]) { workouts(first: $v) { totalCount } }`,
  ];
  for (const [i, query] of literal.entries()) cases.push(operation(`wrong literal ${i}: ${query.slice(0, 50)}`, query));
  const variableShapes: unknown[] = ["a string", 42, [1, 2], true];
  for (const [i, variables] of variableShapes.entries()) {
    cases.push(operation(`variables not an object ${i}`, `query ($n: Int) { workouts(first: $n) { totalCount } }`, variables));
  }
  for (let i = 0; i < 10; i++) {
    const date = `${random.int(-9999, 99999)}-${random.int(13, 99)}-${random.int(0, 99)}T${random.int(0, 99)}:00:00Z`; // no month 13
    cases.push(
      operation(`wrong date ${i}: ${date}`, `query ($f: WorkoutFilter) { workouts(first: 1, filter: $f) { totalCount } }`, { f: { airedBefore: date } }),
    );
  }
  return cases;
}

/** Operations that need variables they are not given. */
function missingVariables(classId: string): HostileRequest[] {
  const query = `query ($id: ID!) { workout(id: $id) { id: pelotonId } }`;
  return [
    operation("missing variable", query, {}),
    operation("missing variables object", query),
    operation("null required variable", query, { id: null }),
    operation("misspelled variable", query, { Id: classId }),
    operation("undeclared variable", `{ workout(id: $id) { id: pelotonId } }`, { id: classId }),
    operation("required filter field null", `query ($s: String!) { songs(search: $s, first: 1) { totalCount } }`, { s: null }),
    operation("required in list", `query ($ids: [ID!]!) { catalogueStatus { songs } }`, { ids: [null] }),
    operation("missing operationName among several", `query A { catalogueStatus { songs } } query B { catalogueStatus { artists } }`),
    operation("unknown operationName", `query A { catalogueStatus { songs } }`, {}, { operationName: "B" }),
    operation("operationName not a string", `query A { catalogueStatus { songs } }`, {}, { operationName: 42 }),
  ];
}

/** Page sizes and counts out of range. */
function pageSizes(): HostileRequest[] {
  const queries = [
    `{ workouts(first: 101) { totalCount } }`,
    `{ workouts(first: 100000) { totalCount } }`,
    `{ workouts(first: 2147483647) { totalCount } }`,
    `{ workouts(first: -1) { totalCount } }`,
    `{ workouts(first: -2147483648) { totalCount } }`,
    `{ workouts(last: -5) { totalCount } }`,
    `{ workouts(last: 1000) { totalCount } }`,
    `{ songs(first: 101) { totalCount } }`,
    `{ songs(first: -3) { totalCount } }`,
    `{ songs(last: -3) { totalCount } }`,
    `{ artists(first: 5000) { totalCount } }`,
    `{ instructors(first: 1000000) { totalCount } }`,
    `{ ingestRuns(first: 999) { totalCount } }`,
    `{ ingestRuns(last: 999) { totalCount } }`,
    `{ instructors(first: 1) { edges { node { workouts(last: 101) { totalCount } } } } }`,
    `{ instructors(first: 1) { edges { node { topArtists(limit: -1) { plays } } } } }`,
    `{ instructors(first: 1) { edges { node { topArtists(limit: 1000000) { plays } } } } }`,
    `{ instructors(first: 1) { edges { node { workouts(first: 101) { totalCount } } } } }`,
    `{ songs(first: 1) { edges { node { workouts(first: -1) { totalCount } } } } }`,
    `{ artists(first: 1) { edges { node { songs(first: 5000) { totalCount } } } } }`,
    `query ($n: Int) { workouts(first: $n) { totalCount } }`,
  ];
  return queries.map((query, i) => operation(`page size ${i}: ${query.slice(0, 50)}`, query, i === queries.length - 1 ? { n: 1_000_000 } : undefined));
}

/**
 * Cursors that are not the API's: not base64, another connection's kind, a tag or a value of the wrong
 * type. (A well-formed cursor of a row that is gone is no error: it gives an empty page.)
 */
function badCursors(random: Random, facts: CatalogueFacts): HostileRequest[] {
  const b64 = (text: string) => Buffer.from(text).toString("base64");
  const real = facts.deepCursors[0]!;
  const cursors = [
    "not-a-cursor",
    " ",
    "====",
    "\u0000",
    "%00%ff",
    random.hex(40),
    b64(random.hex(30)),
    `${real}${real}`,
    b64("GPC:X:abc"),
    b64("GPC:J:{"),
    b64('GPC:J:{"a":1}'),
    b64("GPC:N:NaN"),
    b64("GPC:N:12"),
    b64("GPC:D:not-a-date"),
    b64("OffsetConnection:-5"),
    b64("OffsetConnection:abc"),
    b64("OffsetConnection:99999999999999999999"),
  ];
  const cases: HostileRequest[] = [];
  cursors.forEach((cursor, i) => {
    cases.push(
      operation(`bad workouts cursor ${i}`, `query ($c: String) { workouts(first: 5, after: $c) { edges { node { id: pelotonId } } } }`, { c: cursor }),
    );
    cases.push(operation(`bad songs cursor ${i}`, `query ($c: String) { songs(first: 5, after: $c) { edges { node { id: pelotonId } } } }`, { c: cursor }));
  });
  cases.push(operation("songs before a workouts cursor", `query ($c: String) { songs(first: 5, before: $c) { totalCount } }`, { c: real }));
  cases.push(operation("before and after", `query ($c: String) { songs(first: 5, after: $c, before: $c) { totalCount } }`, { c: real }));
  cases.push(
    operation("instructor workouts bad cursor", `{ instructors(first: 1) { edges { node { workouts(first: 1, after: "junk") { edges { cursor } } } } } }`),
  );
  cases.push(operation("ingest runs bad cursor", `{ ingestRuns(first: 1, after: "${b64("OffsetConnection:-1")}") { edges { cursor } } }`));
  cases.push(
    operation("song workouts bad cursor", `{ songs(first: 1) { edges { node { workouts(first: 1, after: "R1BDOko6WzFd") { edges { cursor } } } } } }`),
  );
  return cases;
}

/** Bodies that are not a GraphQL request. */
function badBodies(random: Random): HostileRequest[] {
  const bodies: [string, string | Uint8Array<ArrayBuffer>][] = [
    ["empty", ""],
    ["open brace", "{"],
    ["null", "null"],
    ["number", "42"],
    ["string", '"{ catalogueStatus { songs } }"'],
    ["true", "true"],
    ["empty object", "{}"],
    ["empty array", "[]"],
    ["query a number", '{"query": 5}'],
    ["query null", '{"query": null}'],
    ["query an object", '{"query": {"kind": "Document"}}'],
    ["query an array", '{"query": ["{ catalogueStatus { songs } }"]}'],
    ["variables a string", '{"query": "{ catalogueStatus { songs } }", "variables": "{}"}'],
    ["extensions a number", '{"query": "{ catalogueStatus { songs } }", "extensions": 5}'],
    ["trailing garbage", '{"query": "{ catalogueStatus { songs } }"} trailing'],
    ["duplicate keys", '{"query": "{ nope }", "query": 7}'],
    ["single quotes", "{'query': '{ catalogueStatus { songs } }'}"],
    ["unpaired surrogate", '{"query": "{ catalogueStatus { songs } }\\ud800"}'],
    ["persisted query only", '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}'],
    ["binary", Uint8Array.from({ length: 4096 }, () => random.int(0, 255))],
    ["invalid UTF-8", Uint8Array.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])],
    ["batch of two", JSON.stringify([{ query: "{ catalogueStatus { songs } }" }, { query: "{ catalogueStatus { artists } }" }])],
    ["batch of one", JSON.stringify([{ query: "{ catalogueStatus { songs } }" }])],
    ["batch of 1000", JSON.stringify(Array.from({ length: 1000 }, () => ({ query: "{ catalogueStatus { songs } }" })))],
    ["10 MB of spaces", `${" ".repeat(10_000_000)}{"query": "{ catalogueStatus { songs } }"}`.slice(0, 10_000_000)],
  ];
  return bodies.map(([name, body]) => ({ name: `body ${name}`, method: "POST", headers: json, body }));
}

/** Methods, content types and headers that are refused: CSRF, GET mutations, unknown media types. */
function badTransport(): HostileRequest[] {
  const query = "{ catalogueStatus { songs } }";
  const body = JSON.stringify({ query });
  const search = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;
  const csrf = { "x-graphql-yoga-csrf": "1" };
  const accept = { accept: "application/graphql-response+json" };
  return [
    ...["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"].map((type) => ({
      name: `CSRF-simple content type ${type}`,
      method: "POST",
      headers: { "content-type": type, ...accept },
      body,
    })),
    { name: "no content type", method: "POST", headers: accept, body },
    ...["application/xml", "application/graphql", "text/html", "image/png", "application/jsonx"].map((type) => ({
      name: `content type ${type}`,
      method: "POST",
      headers: { "content-type": type, ...csrf, ...accept },
      body,
    })),
    { name: "GET without CSRF header", method: "GET", search: search({ query }), headers: accept },
    { name: "GET without CSRF header, mutation", method: "GET", search: search({ query: "mutation { syncWorkouts { id } }" }), headers: accept },
    { name: "GET mutation", method: "GET", search: search({ query: "mutation { syncWorkouts { id } }" }), headers: { ...csrf, ...accept } },
    { name: "GET no query", method: "GET", search: search({ variables: "{}" }), headers: { ...csrf, ...accept } },
    { name: "GET variables not JSON", method: "GET", search: search({ query, variables: "{nope" }), headers: { ...csrf, ...accept } },
    { name: "GET extensions not JSON", method: "GET", search: search({ query, extensions: "[" }), headers: { ...csrf, ...accept } },
    { name: "GET broken query", method: "GET", search: search({ query: "{ catalogueStatus {" }), headers: { ...csrf, ...accept } },
    {
      name: "form variables not JSON",
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...csrf, ...accept },
      body: search({ query, variables: "{nope" }).slice(1),
    },
    { name: "GET bad percent-encoding", method: "GET", search: "?query=%E0%A4%A", headers: { ...csrf, ...accept } },
    ...["PUT", "DELETE", "PATCH"].map((method) => ({ name: `method ${method}`, method, headers: { ...json }, body })),
    { name: "accept only XML", method: "POST", headers: { "content-type": "application/json", accept: "application/xml" }, body },
    { name: "mutation without a token", method: "POST", headers: json, body: JSON.stringify({ query: "mutation { syncWorkouts { id } }" }) },
    {
      name: "mutation with a wrong token",
      method: "POST",
      headers: { ...json, authorization: "Bearer wrong-token-0123456789" },
      body: JSON.stringify({ query: 'mutation { processDetails(input: { batchSize: -1, ids: ["x"] }) { id } }' }),
    },
    {
      name: "mutation with a malformed authorization",
      method: "POST",
      headers: { ...json, authorization: "Basic \u00ff\u00fe" },
      body: JSON.stringify({ query: "mutation { syncWorkouts { id } }" }),
    },
  ];
}

/** NUL characters where strings go. */
function nullBytes(classId: string): HostileRequest[] {
  return [
    operation("NUL in the query text", "{ catalogueStatus { songs } }\u0000"),
    operation("NUL inside a name", "{ catalogue\u0000Status { songs } }"),
    operation("NUL in a search literal", '{ songs(search: "ab\\u0000cd", first: 1) { totalCount } }'),
    operation("NUL in a search variable", "query ($s: String) { songs(search: $s, first: 1) { totalCount } }", { s: "mo\u0000torhead" }),
    operation("NUL in an artists search", "query ($s: String) { artists(search: $s, first: 1) { totalCount } }", { s: "\u0000\u0000\u0000" }),
    operation("NUL in an id", "query ($id: ID!) { workout(id: $id) { id } }", { id: `${classId}\u0000` }),
    operation("NUL in an instructor id", "query ($id: ID!) { instructor(id: $id) { id } }", { id: "\u0000" }),
    operation("NUL in a song id", "query ($id: ID!) { song(id: $id) { id } }", { id: "a\u0000b" }),
    operation("NUL in a filter", "query ($f: WorkoutFilter) { workouts(first: 1, filter: $f) { totalCount } }", { f: { discipline: "cyc\u0000ling" } }),
    operation("NUL in a filter artist", "query ($f: WorkoutFilter) { workouts(first: 1, filter: $f) { totalCount } }", { f: { artist: "ab\u0000" } }),
    operation("NUL in the operation name", "query A { catalogueStatus { songs } }", {}, { operationName: "A\u0000" }),
  ];
}

/** Other operations the API refuses: introspection in production, subscriptions, a mutation over GET. */
function otherRefusals(): HostileRequest[] {
  return [
    operation("introspection", "{ __schema { queryType { name } } }"),
    operation("type introspection", '{ __type(name: "Query") { name } }'),
    operation("subscription", "subscription { catalogueStatus { songs } }"),
    operation("over-costly", "{ workouts(first: 100) { edges { node { playlist { song { workouts(first: 100) { edges { node { id title } } } } } } } } }"),
    operation("search too short", '{ songs(search: "a", first: 1) { totalCount } }'),
    operation("search of spaces", '{ songs(search: "      ", first: 1) { totalCount } }'),
    operation("filter artist too short", '{ workouts(first: 1, filter: { artist: "x" }) { totalCount } }'),
  ];
}

const isValidOperation = (query: string) => {
  try {
    return validate(schema, parse(query)).length === 0;
  } catch {
    return false;
  }
};
