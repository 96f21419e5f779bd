import autocannon from "autocannon";
import type { ApiServer } from "../harness/api";
import { sampleRss } from "../harness/memory";
import { queryMix } from "./query-mix";
import { type Catalogue, ingestCatalogue, mean, startServer } from "./support";

const CONNECTIONS = 50;
const SECONDS = 30;
// Memory may not climb: the mean RSS of the last 10 s may exceed that of seconds 10-20 by at most
// 10 MiB (seconds 0-10 are warm-up: JIT, caches, pools filling up). The server runs with its old
// generation capped, as in a container: uncapped, V8 on a roomy machine lets the heap swell by 100 MiB
// and more before a full collection, so RSS would measure the collector's schedule, not what is kept.
// Capped, RSS stays within a few MiB from one 10 s window to the next, while a leak of 4 KiB per
// request (the AbortSignal.any one this test found) adds about 10-20 MiB per window at these rates. A
// flat allowance, not a share: most of the embedded server's RSS is PGlite's WASM memory, which does
// not move.
const ALLOWED_GROWTH_MIB = 10;
const HEAP_CAP_MIB = 192;

let catalogue: Catalogue;
let server: ApiServer;

beforeAll(async () => {
  catalogue = await ingestCatalogue(300);
  // RATE_LIMIT_PER_MINUTE=0: every client of the load comes from one address, which the per-client limit would refuse
  server = await startServer(catalogue, {
    RATE_LIMIT_PER_MINUTE: "0",
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${HEAP_CAP_MIB}`.trim(),
  });
});
afterAll(async () => {
  await server?.stop();
  await catalogue?.remove();
});

it(`serves ${CONNECTIONS} concurrent clients for ${SECONDS} s on the query mix with no failed request, and its memory does not grow`, async () => {
  const mix = queryMix(catalogue.facts);
  const errorBodies: string[] = [];
  const rss = sampleRss(server.pid);
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 20, // seconds; the server itself stops an operation at 15 s (REQUEST_TIMEOUT_MS)
    requests: mix.map(({ query, variables }) => ({
      method: "POST" as const,
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query, variables }),
      // `"errors":[` can only be the key: in a string value its quotes would be escaped
      onResponse: (status: number, body: string) => {
        if (body.includes('"errors":[')) errorBodies.push(`HTTP ${status}: ${body.slice(0, 300)}`);
      },
    })),
  });
  rss.stop();

  const [warm, last] = [rss.samples.slice(10, 20), rss.samples.slice(SECONDS - 10, SECONDS)];
  const summary = {
    requests: result.requests.total,
    perSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    rssMiB: { seconds10to20: Math.round(mean(warm)), last10: Math.round(mean(last)), each: rss.samples.map(Math.round) },
  };
  process.stdout.write(`load: ${JSON.stringify(summary)}\n`);

  expect(result.requests.total).toBeGreaterThan(CONNECTIONS * SECONDS);
  expect({
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors: errorBodies.length,
    firstErrors: errorBodies.slice(0, 3),
  }).toEqual({
    non2xx: 0,
    socketErrors: 0,
    timeouts: 0,
    graphqlErrors: 0,
    firstErrors: [],
  });
  expect(server.cli.child.exitCode).toBeNull();
  expect(warm).toHaveLength(10);
  expect(last).toHaveLength(10);
  expect(mean(last) - mean(warm)).toBeLessThanOrEqual(ALLOWED_GROWTH_MIB);
});
