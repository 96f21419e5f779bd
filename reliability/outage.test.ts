import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import type { ApiServer } from "../harness/api";
import { adminUrl, testBackend } from "../harness/databases";
import { privatePostgresUnavailable, startPrivatePostgres } from "./private-postgres";
import { type Operation, queryMix } from "./query-mix";
import { type Catalogue, type GraphQLAnswer, ingestCatalogue, leaksInternals, post, startServer } from "./support";

const CLIENTS = 20;
// what "answers quickly" means while the database is away: well under the server's 15 s operation timeout
const QUICK_MS = 5_000;
// every client of the load comes from one address, which the per-client rate limit would refuse
const unlimited = { RATE_LIMIT_PER_MINUTE: "0" };

type Phase = "before" | "outage" | "after";
interface Answer extends GraphQLAnswer {
  kind: string;
  sentIn: Phase;
  answeredIn: Phase;
}

const succeeded = (answer: GraphQLAnswer) => answer.status === 200 && answer.body?.data != null && answer.body.errors === undefined;
const unavailable = (answer: GraphQLAnswer) =>
  answer.status === 503 &&
  answer.retryAfter === "1" &&
  !!answer.body?.errors?.length &&
  answer.body.errors.every((error) => error.extensions?.code === "DATABASE_UNAVAILABLE");
const describeAnswer = (answer: Answer) =>
  `${answer.sentIn}-${answer.answeredIn} ${answer.kind}: HTTP ${answer.status} in ${Math.round(answer.ms)} ms: ${answer.text.slice(0, 200)}`;

/**
 * CLIENTS clients send the query mix one request after another, for 3 s, then through `outage` (whatever
 * it does to the database), then for 5 s after it. Each answer must be a success before the outage; a
 * success or a quick, clean 503 DATABASE_UNAVAILABLE (with Retry-After) during it; a success again after
 * it, with no restart: the server recovers by itself. The server process must live through it all.
 */
async function expectCleanOutage(server: ApiServer, mix: Operation[], outage: () => Promise<Record<string, unknown>>) {
  let phase: Phase = "before";
  const answers: Answer[] = [];
  const failures: string[] = [];
  let running = true;
  const client = async (offset: number) => {
    for (let i = offset; running; i++) {
      const operation = mix[i % mix.length]!;
      const sentIn = phase;
      try {
        answers.push({ ...(await post(server.url, operation, 30_000)), kind: operation.kind, sentIn, answeredIn: phase });
      } catch (error) {
        failures.push(`${sentIn} ${operation.kind}: no answer (${(error as Error).message})`);
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, i) => client(i * 7));
  await sleep(3_000);
  phase = "outage";
  const details = await outage();
  phase = "after";
  await sleep(5_000);
  running = false;
  await Promise.all(clients);

  // a request in flight when the outage starts may meet it too
  const during = answers.filter((answer) => answer.sentIn === "outage" || answer.answeredIn === "outage");
  const after = answers.filter((answer) => answer.sentIn === "after");
  const summary = {
    ...details,
    answers: answers.length,
    outage: {
      succeeded: during.filter(succeeded).length,
      unavailable: during.filter(unavailable).length,
      slowestMs: Math.round(Math.max(...during.map((answer) => answer.ms))),
    },
    after: after.length,
  };
  process.stdout.write(`outage: ${JSON.stringify(summary)}\n`);

  expect(failures).toEqual([]);
  expect(server.cli.child.exitCode).toBeNull();
  expect(answers.filter((answer) => answer.answeredIn === "before" && !succeeded(answer)).map(describeAnswer)).toEqual([]);
  expect(during.filter((answer) => !succeeded(answer) && !unavailable(answer)).map(describeAnswer)).toEqual([]);
  expect(during.filter((answer) => (answer.sentIn === "outage" && answer.ms > QUICK_MS) || leaksInternals(answer.text)).map(describeAnswer)).toEqual([]);
  expect(summary.outage.unavailable).toBeGreaterThan(0);
  expect(after.length).toBeGreaterThan(CLIENTS);
  expect(after.filter((answer) => !succeeded(answer)).map(describeAnswer)).toEqual([]);
}

// The embedded database runs inside the server's own process: there is no connection to lose.
(testBackend === "postgres" ? describe : describe.skip)("PostgreSQL outage (PostgreSQL only: the embedded database has no connections to lose)", () => {
  it("answers 503 DATABASE_UNAVAILABLE at once while its connections are killed every 250 ms under load, never crashes, and recovers by itself", async () => {
    const catalogue = await ingestCatalogue(300);
    const server = await startServer(catalogue, unlimited);
    const admin = new pg.Client({ connectionString: adminUrl });
    try {
      await admin.connect();
      if (catalogue.config.kind !== "postgres") throw new Error("unreachable");
      const names = [catalogue.config.workoutsUrl, catalogue.config.detailedUrl].map((url) => new URL(url).pathname.slice(1));
      // the server's connections to this test's two databases, and no one else's
      const killConnections = async () =>
        (await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()", [names])).rowCount ??
        0;
      await expectCleanOutage(server, queryMix(catalogue.facts), async () => {
        let killed = 0;
        for (const end = Date.now() + 10_000; Date.now() < end; await sleep(250)) killed += await killConnections();
        expect(killed).toBeGreaterThan(0);
        return { killed };
      });
    } finally {
      await admin.end();
      await server.stop();
      await catalogue.remove();
    }
  });

  // a server of the suite's own, since stopping the shared one would disturb whatever else uses it
  const noPrivateServer = privatePostgresUnavailable();
  (noPrivateServer ? it.skip : it)(
    `answers 503 DATABASE_UNAVAILABLE at once while PostgreSQL itself is stopped for 5 s under load, and recovers by itself once it is back${noPrivateServer ? ` (skipped: ${noPrivateServer})` : ""}`,
    async () => {
      const postgres = await startPrivatePostgres();
      let catalogue: Catalogue | undefined;
      let server: ApiServer | undefined;
      try {
        catalogue = await ingestCatalogue(100, { config: postgres.config, remove: async () => undefined });
        server = await startServer(catalogue, unlimited);
        await expectCleanOutage(server, queryMix(catalogue.facts), async () => {
          const stopping = Date.now();
          await postgres.stop();
          await sleep(5_000);
          await postgres.start();
          return { downMs: Date.now() - stopping };
        });
      } finally {
        await server?.stop();
        await catalogue?.remove();
        await postgres.remove();
      }
    },
  );
});
