import type { ApiServer } from "../harness/api";
import { type HostileRequest, hostileRequests } from "./hostile-requests";
import { queryMix } from "./query-mix";
import { type Catalogue, ingestCatalogue, leaksInternals, parseJson, post, startServer } from "./support";

// Which answers count as a clear refusal, under `accept: application/graphql-response+json`:
// - a 4xx whose body is GraphQL errors (each with a message), for a request refused as a whole: before
//   it ran (unreadable, invalid, over a limit, badly typed) or when every part of it was refused for
//   its input (BAD_USER_INPUT, no data at all);
// - 200 with data and BAD_USER_INPUT errors, when part of the operation was answered (a nullable
//   field refused its argument): GraphQL over HTTP requires a 2xx once there is data;
// - 406 and 415 with no body: refusals of the media types themselves, before GraphQL is involved.
// Never a 5xx, never "Unexpected error.", never a stack trace or a source path.
const SEED = Number(process.env.RELIABILITY_SEED ?? 20260101);

let catalogue: Catalogue;
let server: ApiServer;

beforeAll(async () => {
  catalogue = await ingestCatalogue(100);
  server = await startServer(catalogue);
});
afterAll(async () => {
  await server?.stop();
  await catalogue?.remove();
});

interface Verdict {
  name: string;
  status: number;
  problem?: string;
}

async function send(url: string, request: HostileRequest): Promise<Verdict> {
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url + (request.search ?? ""), {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    return { name: request.name, status: 0, problem: `no answer: ${(error as Error).message}` };
  }
  const text = await response.text();
  const verdict = { name: request.name, status: response.status };
  const problem = judge(response.status, text) ?? (performance.now() - started > 10_000 ? `took ${Math.round(performance.now() - started)} ms` : undefined);
  return problem ? { ...verdict, problem: `${problem}: ${text.slice(0, 300)}` } : verdict;
}

function judge(status: number, text: string): string | undefined {
  if (status >= 500) return `HTTP ${status}`;
  if (leaksInternals(text)) return "a stack trace or a source path in the body";
  if (status === 406 || status === 415) return undefined;
  const body = parseJson(text);
  const errors = body?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return `HTTP ${status} without GraphQL errors`;
  if (errors.some((error) => typeof error.message !== "string" || error.message === "")) return "an error without a message";
  if (errors.some((error) => error.message === "Unexpected error." || error.extensions?.code === "INTERNAL_SERVER_ERROR")) return "an unexpected error";
  if (status >= 400 && status < 500) return undefined;
  const partial = status === 200 && body?.data != null && errors.every((error) => error.extensions?.code === "BAD_USER_INPUT");
  return partial ? undefined : `HTTP ${status}`;
}

describe(`hostile GraphQL (seed ${SEED}, RELIABILITY_SEED to change it)`, () => {
  it("answers each of a few hundred malformed, unknown, deep, aliased, huge and wrongly typed requests with a clear client error, and stays healthy", async () => {
    const requests = hostileRequests(catalogue.facts, SEED);
    expect(requests.length).toBeGreaterThanOrEqual(300);
    const verdicts: Verdict[] = [];
    for (const request of requests) verdicts.push(await send(server.url, request));

    const failures = verdicts.filter((verdict) => verdict.problem).map((verdict) => `${verdict.name}: ${verdict.problem}`);
    expect(failures).toEqual([]);
    const statuses: Record<number, number> = {};
    for (const { status } of verdicts) statuses[status] = (statuses[status] ?? 0) + 1;
    process.stdout.write(`hostile GraphQL: ${requests.length} requests, by HTTP status ${JSON.stringify(statuses)}\n`);

    // still healthy: alive, and answering the query mix
    expect(server.cli.child.exitCode).toBeNull();
    for (const operation of queryMix(catalogue.facts)) {
      const answer = await post(server.url, operation);
      expect({ kind: operation.kind, status: answer.status, errors: answer.body?.errors }).toEqual({ kind: operation.kind, status: 200, errors: undefined });
    }
  });
});
